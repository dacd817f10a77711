package org.openpayer.bulkexport.attribution.write;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;

import java.sql.SQLException;

/** create ({@code POST /Type}), update ({@code PUT /Type/id}) and delete of every stored type but Group. */
@Path(PublicPaths.FHIR)
@Authenticated
@Consumes({FhirMediaType.FHIR_JSON, "application/json"})
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class ResourceWriteResource {

    private final FhirWrites writes;

    public ResourceWriteResource(FhirWrites writes) {
        this.writes = writes;
    }

    @POST
    @Path("{type}")
    public Response create(@PathParam("type") String type, @HeaderParam("If-None-Exist") String ifNoneExist,
                           @HeaderParam("Prefer") String prefer, String body) throws SQLException {
        return writes.create(type, ifNoneExist, prefer, body);
    }

    @PUT
    @Path("{type}/{id}")
    public Response update(@PathParam("type") String type, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam("Prefer") String prefer,
                           String body) throws SQLException {
        return writes.update(type, id, ifMatch, prefer, body);
    }

    @DELETE
    @Path("{type}/{id}")
    public Response delete(@PathParam("type") String type, @PathParam("id") String id) throws SQLException {
        return writes.delete(type, id);
    }
}
