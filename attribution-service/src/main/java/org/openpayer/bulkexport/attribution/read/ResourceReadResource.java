package org.openpayer.bulkexport.attribution.read;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;

/**
 * read, vread and history-instance for every stored type but Group (GroupResource serves those under Group grants).
 * Member data is visible only to clients with one of the member's Groups: a resource in a patient compartment is
 * readable when that patient is an active member of a Group the token grants. Provider directory and reference
 * resources (Organization, Practitioner, PractitionerRole, Location, Medication) are readable with the read scope
 * alone. Anything else answers 404 exactly like a resource that does not exist.
 */
@Path(PublicPaths.FHIR + "/{type}/{id}")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class ResourceReadResource {

    private final ResourceRepository resources;
    private final HistoryBundle historyBundle;
    private final JsonWebToken token;

    public ResourceReadResource(ResourceRepository resources, HistoryBundle historyBundle, JsonWebToken token) {
        this.resources = resources;
        this.historyBundle = historyBundle;
        this.token = token;
    }

    @GET
    public Response read(@PathParam("type") String type, @PathParam("id") String id) throws SQLException {
        return StoredVersionResponses.served(type, id, accessible(type, id).latest());
    }

    @GET
    @Path("_history/{versionId}")
    public Response vread(@PathParam("type") String type, @PathParam("id") String id,
                          @PathParam("versionId") String versionId) throws SQLException {
        accessible(type, id);
        StoredVersion version = resources.version(type, id, StoredVersionResponses.versionNumber(type, id, versionId))
                .orElseThrow(() -> FhirException.notFound(type + "/" + id + " has no version " + versionId + "."));
        return StoredVersionResponses.served(type, id, version);
    }

    @GET
    @Path("_history")
    public Response history(@PathParam("type") String type, @PathParam("id") String id) throws SQLException {
        accessible(type, id);
        return Response.ok(historyBundle.render(type, id, resources.history(type, id)), FhirMediaType.FHIR_JSON)
                .build();
    }

    /** The resource's current row, once the caller is known to be allowed to see it. */
    private ResourceRepository.CurrentResource accessible(String type, String id) throws SQLException {
        if (ResourceType.byName(type).isEmpty()) {
            throw FhirException.notFound("Unknown resource type '" + type + "'.");
        }
        Caller caller = Caller.from(token);
        caller.requireRead(type);
        return resources.current(type, id)
                .filter(row -> row.patientId() == null || isMember(row.patientId(), caller))
                .orElseThrow(() -> FhirException.notFound(
                        type + "/" + id + " is not known or not accessible to this client."));
    }

    private boolean isMember(String patientId, Caller caller) {
        try {
            return resources.isMemberOfGrantedGroup(patientId, caller.groups());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check Group membership", e);
        }
    }
}
