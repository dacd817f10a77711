package org.openpayer.bulkexport.auth;

import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.util.Map;

/**
 * auth-service's tests run against a real PostgreSQL with a known admin key. Client JWKS URLs may be plain http on
 * loopback (the tests host them), fetches time out quickly, unknown kids refetch at once, and a rotated signing key
 * waits two seconds before it signs, so the tests see every rule without waiting minutes.
 */
public class AuthServiceTestResource extends RealServersResource {

    public static final String ADMIN_KEY = "it-admin-key";
    public static final String PUBLIC_BASE_URL = "https://payer.example.test";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of(
                SERVERS, "postgres",
                "admin.api-key", ADMIN_KEY,
                "suite.public-base-url", PUBLIC_BASE_URL,
                "auth.client-jwks.allow-loopback-http", "true",
                "auth.client-jwks.fetch-timeout", "PT1S",
                "auth.client-jwks.refetch-min-interval", "PT0S",
                "auth.signing-keys.publish-ahead", "PT2S"));
    }
}
