package org.openpayer.bulkexport.attribution;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * attribution-service's tests: a real PostgreSQL, a known admin key, and a {@link TokenMint} standing in for
 * auth-service, whose tokens the service verifies as it verifies real ones. Payer-to-payer pulls may call stub payers
 * on loopback, read our keys for them from {@link #KEY_DIRECTORY}, and give up quickly (tests of time limits).
 */
public class AttributionTestResource extends RealServersResource {

    public static final String ADMIN_KEY = "it-admin-key";
    public static final TokenMint TOKENS = TokenMint.start("https://payer.example.test");
    /** Where tests put our private keys for stub payers ({@code file:NAME} references). */
    public static final Path KEY_DIRECTORY = keyDirectory();
    /** How long a pull may take here: long enough for a stub payer's export, short for the deadline tests. */
    public static final String PULL_TIMEOUT = "12s";

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(TOKENS.serviceConfig());
        args.put(SERVERS, "postgres,kafka");
        args.put("admin.api-key", ADMIN_KEY);
        args.put("attribution.payer-pull.allow-loopback-http", "true");
        args.put("attribution.payer-pull.key-directory", KEY_DIRECTORY.toString());
        args.put("attribution.payer-pull.timeout", PULL_TIMEOUT);
        args.put("attribution.payer-pull.max-poll-interval", "1s");
        args.put("attribution.payer-pull.request-timeout", "3s");
        args.put("attribution.payer-pull.claim-interval", "200ms");
        super.init(args);
    }

    /** Requests as the payer's own data systems make them: a token that creates, updates and deletes anything. */
    public static RequestSpecification payerSystem() {
        return given().auth().oauth2(TOKENS.token("payer-etl", "system/*.cud", List.of(), List.of()))
                .contentType("application/fhir+json");
    }

    /** A connection to the service's database, for tests that check what it stored. */
    public static Connection database() throws SQLException {
        InfraEndpoints endpoints = infrastructure().endpoints();
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUsername(), endpoints.dbPassword());
    }

    private static Path keyDirectory() {
        try {
            return Files.createDirectories(Path.of("target", "payer-pull-keys").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
