package org.openpayer.bulkexport.attribution.payerpull.registry;

import java.util.List;

/**
 * What an operator sends to register (or replace) another payer we pull from.
 *
 * @param name        a name for people
 * @param fhirBaseUrl its FHIR base URL (https; http to loopback only where allowed)
 * @param tokenUrl    its SMART Backend Services token endpoint (from its {@code .well-known/smart-configuration})
 * @param clientId    the client id it assigned us
 * @param scope       the scopes to ask for; default {@code system/*.rs} ($member-match reads Patient, the export
 *                    reads every type)
 * @param privateKey  a reference to our private JWK for that client: {@code env:PAYER_PULL_KEY_…} or {@code file:NAME}
 *                    in the key directory; never the key itself
 * @param identifiers its {@code system|value} identifiers (e.g. {@code http://hl7.org/fhir/sid/us-npi|…}), named as
 *                    the source on the Provenance of what we import
 */
public record RemotePayerRegistration(String name, String fhirBaseUrl, String tokenUrl, String clientId, String scope,
                                      String privateKey, List<String> identifiers) {

    public RemotePayerRegistration {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
