package org.openpayer.bulkexport.auth.keys;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.openpayer.bulkexport.model.route.PublicPaths;

/**
 * Publishes the public keys of our access tokens. Resource servers fetch this once and cache it, refetching when a
 * token names an unknown key, so they verify tokens without calling auth-service per request.
 */
@Path(PublicPaths.JWKS)
public class JwksResource {

    private final SigningKeyStore keys;

    public JwksResource(SigningKeyStore keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        String body = new JsonWebKeySet(keys.published()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        return Response.ok(body).header("Cache-Control", "public, max-age=60").build();
    }
}
