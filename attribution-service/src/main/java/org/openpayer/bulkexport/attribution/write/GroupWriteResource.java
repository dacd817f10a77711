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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * create, update and delete of Groups, with the member list streamed from the request (see {@link GroupStreamWriter}).
 * The literal {@code /Group} path of the Group reads would otherwise shadow the generic {@code /{type}} writes.
 */
@Path(PublicPaths.FHIR + "/Group")
@Authenticated
@Consumes({FhirMediaType.FHIR_JSON, "application/json"})
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class GroupWriteResource {

    private static final String GROUP = "Group";

    private final FhirWrites writes;

    public GroupWriteResource(FhirWrites writes) {
        this.writes = writes;
    }

    /** A conditional create matches on the Group's own elements, so it reads the body whole; others stream. */
    @POST
    public Response create(@HeaderParam("If-None-Exist") String ifNoneExist, @HeaderParam("Prefer") String prefer,
                           InputStream body) throws SQLException, IOException {
        if (ifNoneExist != null && !ifNoneExist.isBlank()) {
            return writes.create(GROUP, ifNoneExist, prefer, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        return writes.writeGroup(null, body, null, prefer);
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam("Prefer") String prefer, InputStream body) throws SQLException {
        return writes.writeGroup(id, body, ifMatch, prefer);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws SQLException {
        return writes.delete(GROUP, id);
    }
}
