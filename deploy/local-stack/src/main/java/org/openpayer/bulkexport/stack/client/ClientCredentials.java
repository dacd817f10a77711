package org.openpayer.bulkexport.stack.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything a provider's system needs to call the suite, as the local stack writes it for its demo client:
 * {@code {client_id, token_url, fhir_base_url, scope, private_jwk}}.
 */
public record ClientCredentials(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("token_url") String tokenUrl,
        @JsonProperty("fhir_base_url") String fhirBaseUrl,
        @JsonProperty("scope") String scope,
        @JsonProperty("private_jwk") @JsonRawValue String privateJwk) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ClientKey key() {
        return ClientKey.fromPrivateJwk(privateJwk);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static ClientCredentials read(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return new ClientCredentials(node.path("client_id").asText(), node.path("token_url").asText(),
                    node.path("fhir_base_url").asText(), node.path("scope").asText(),
                    node.path("private_jwk").toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
