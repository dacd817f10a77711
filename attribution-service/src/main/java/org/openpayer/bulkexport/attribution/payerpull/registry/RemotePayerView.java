package org.openpayer.bulkexport.attribution.payerpull.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/**
 * A registered payer as the admin API shows it: the key reference and our public key (to register with that payer),
 * never the private key.
 */
public record RemotePayerView(UUID id, String name, String fhirBaseUrl, String tokenUrl, String clientId,
                              String scope, String privateKey, String keyId, JsonNode publicJwks,
                              List<String> identifiers) {
}
