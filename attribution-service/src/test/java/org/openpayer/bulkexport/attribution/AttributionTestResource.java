package org.openpayer.bulkexport.attribution;

import org.openpayer.bulkexport.stack.testing.RealServersResource;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.HashMap;
import java.util.Map;

/**
 * attribution-service's tests: a real PostgreSQL, a known admin key, and a {@link TokenMint} standing in for
 * auth-service, whose tokens the service verifies as it verifies real ones.
 */
public class AttributionTestResource extends RealServersResource {

    public static final String ADMIN_KEY = "it-admin-key";
    public static final TokenMint TOKENS = TokenMint.start("https://payer.example.test");

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(TOKENS.serviceConfig());
        args.put(SERVERS, "postgres,kafka");
        args.put("admin.api-key", ADMIN_KEY);
        super.init(args);
    }
}
