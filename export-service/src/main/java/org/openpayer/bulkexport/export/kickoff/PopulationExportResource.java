package org.openpayer.bulkexport.export.kickoff;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.rest.Caller;

import java.sql.SQLException;

/**
 * {@code [base]/Patient/$export} and {@code [base]/$export}, by GET or POST. Their population is every patient the
 * client may read: the active members of all the Groups its token grants. The system level adds the provider
 * directory and reference types (Organization, Practitioner, PractitionerRole, Location, Medication), which the read
 * scope alone allows.
 */
@Path(PublicPaths.FHIR)
@Authenticated
public class PopulationExportResource {

    private static final String PATIENT_EXPORT = "/Patient/$export";
    private static final String SYSTEM_EXPORT = "/$export";

    private final JsonWebToken token;
    private final ExportKickOff kickOff;

    public PopulationExportResource(JsonWebToken token, ExportKickOff kickOff) {
        this.token = token;
        this.kickOff = kickOff;
    }

    @GET
    @Path("Patient/$export")
    public Response patients(@Context UriInfo uri,
                           @Context HttpHeaders headers) throws SQLException {
        return kickOff.byGet(Caller.from(token), ExportLevel.PATIENT, null, PATIENT_EXPORT, uri, headers);
    }

    @POST
    @Path("Patient/$export")
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response patientsByPost(@Context UriInfo uri,
                                  @Context HttpHeaders headers, String body) throws SQLException {
        return kickOff.byPost(Caller.from(token), ExportLevel.PATIENT, null, PATIENT_EXPORT, uri, headers, body);
    }

    @GET
    @Path("$export")
    public Response system(@Context UriInfo uri,
                           @Context HttpHeaders headers) throws SQLException {
        return kickOff.byGet(Caller.from(token), ExportLevel.SYSTEM, null, SYSTEM_EXPORT, uri, headers);
    }

    @POST
    @Path("$export")
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response systemByPost(@Context UriInfo uri,
                                  @Context HttpHeaders headers, String body) throws SQLException {
        return kickOff.byPost(Caller.from(token), ExportLevel.SYSTEM, null, SYSTEM_EXPORT, uri, headers, body);
    }
}
