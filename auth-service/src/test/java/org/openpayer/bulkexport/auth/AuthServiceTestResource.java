package org.openpayer.bulkexport.auth;

import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.util.Map;

/** auth-service's tests run against a real PostgreSQL with a known admin key. */
public class AuthServiceTestResource extends RealServersResource {

    public static final String ADMIN_KEY = "it-admin-key";
    public static final String PUBLIC_BASE_URL = "https://payer.example.test";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of(
                SERVERS, "postgres",
                "admin.api-key", ADMIN_KEY,
                "suite.public-base-url", PUBLIC_BASE_URL));
    }
}
