package org.openpayer.bulkexport.auth.keys;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.openpayer.bulkexport.rest.AdminApi;

import java.util.List;

/**
 * The operators' API for our token-signing keys (admin key only). Rotation also happens on its own every rotation
 * period; this is for rotating now, and for retiring a key that must stop verifying.
 */
@Path("/admin/signing-keys")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyAdminResource {

    private final SigningKeyStore keys;

    public SigningKeyAdminResource(SigningKeyStore keys) {
        this.keys = keys;
    }

    @GET
    public List<SigningKeyView> list() {
        return keys.history().stream().map(SigningKeyView::of).toList();
    }

    /** Publishes a successor; {@code immediate=true} makes it sign at once instead of after the publish-ahead time. */
    @POST
    public Response rotate(@QueryParam("immediate") boolean immediate, @Context UriInfo uri) {
        SigningKey created = keys.rotate(immediate);
        return Response.created(uri.getAbsolutePathBuilder().path(created.kid).build())
                .entity(SigningKeyView.of(created))
                .build();
    }

    @DELETE
    @Path("{kid}")
    public SigningKeyView retire(@PathParam("kid") String kid) {
        return SigningKeyView.of(keys.retire(kid));
    }
}
