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
 * client, rotate the token-signing key and load member data.
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
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", name);
            body.set("jwks", JSON.readTree(key.publicJwks()));
            body.set("scopes", JSON.valueToTree(scopes));
            body.set("groupIds", JSON.valueToTree(groupIds));
            body.set("groupIdentifiers", JSON.valueToTree(groupIdentifiers));
            HttpResponse<String> response = http.post(ports.directUrl(SuiteApp.AUTH) + "/admin/clients",
                    "application/json", body.toString(), adminHeader());
            return expect(201, response).path("clientId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
