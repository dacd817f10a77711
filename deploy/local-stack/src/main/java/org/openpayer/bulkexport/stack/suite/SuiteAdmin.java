package org.openpayer.bulkexport.stack.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.model.security.AdminCredentials;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.client.HttpCalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * What a payer's operator does with the admin APIs, which only answer on the services' own ports: register a SMART
 * client (a provider's, or another payer's), rotate the token-signing key, load member data and register another
 * payer to pull members' data from.
 */
public final class SuiteAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SuitePorts ports;
    private final String adminKey;
    private final HttpCalls http = new HttpCalls();

    SuiteAdmin(SuitePorts ports, String adminKey) {
        this.ports = ports;
        this.adminKey = adminKey;
    }

    /** Registers a client with its public key inline; returns the client id the server assigned. */
    public String registerClient(String name, ClientKey key, List<String> scopes, List<String> groupIds,
                                 List<String> groupIdentifiers) {
        return register(client(name, key, scopes, groupIds).set("groupIdentifiers",
                JSON.valueToTree(groupIdentifiers)));
    }

    /**
     * Registers another payer's system (payer-to-payer): it acts for the payer {@code payerIdentifiers} name and reads
     * everything ({@code system/*.rs}) of the Groups {@code groupIds} grant. Returns its client id.
     */
    public String registerPayerClient(String name, ClientKey key, List<String> groupIds,
                                      List<String> payerIdentifiers) {
        return register(client(name, key, List.of("system/*.rs"), groupIds).set("payerIdentifiers",
                JSON.valueToTree(payerIdentifiers)));
    }

    /** Registers a payer to pull from ({@code /admin/remote-payers}); returns its registry id. */
    public String registerRemotePayer(Map<String, Object> registration) {
        HttpResponse<String> response = http.post(ports.directUrl(SuiteApp.ATTRIBUTION) + "/admin/remote-payers",
                "application/json", JSON.valueToTree(registration).toString(), adminHeader());
        return expect(201, response).path("id").asText();
    }

    private static ObjectNode client(String name, ClientKey key, List<String> scopes, List<String> groupIds) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", name);
            body.set("jwks", JSON.readTree(key.publicJwks()));
            body.set("scopes", JSON.valueToTree(scopes));
            body.set("groupIds", JSON.valueToTree(groupIds));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String register(JsonNode client) {
        HttpResponse<String> response = http.post(ports.directUrl(SuiteApp.AUTH) + "/admin/clients",
                "application/json", client.toString(), adminHeader());
        return expect(201, response).path("clientId").asText();
    }

    /**
     * Publishes a new token-signing key; with {@code immediate} it signs at once (as after a key compromise) instead
     * of after the publish-ahead time. Returns its kid.
     */
    public String rotateSigningKey(boolean immediate) {
        HttpResponse<String> response = http.post(
                ports.directUrl(SuiteApp.AUTH) + "/admin/signing-keys?immediate=" + immediate,
                "application/json", "", adminHeader());
        return expect(201, response).path("kid").asText();
    }

    /** Loads NDJSON member data; returns the server's summary. */
    public String loadNdjson(List<String> lines) {
        HttpResponse<String> response = http.post(ports.directUrl(SuiteApp.ATTRIBUTION) + "/admin/ndjson",
                "application/fhir+ndjson", String.join("\n", lines) + "\n", adminHeader());
        return expect(200, response).at("/issue/0/diagnostics").asText();
    }

    private Map<String, String> adminHeader() {
        return Map.of(AdminCredentials.HEADER, adminKey);
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return HttpCalls.json(response);
    }
}
