package org.openpayer.bulkexport.stack.demo;

import org.openpayer.bulkexport.model.fhir.IdentifierSystem;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.security.GroupGrant;
import org.openpayer.bulkexport.stack.client.ClientCredentials;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.suite.SuiteAdmin;

import java.util.List;
import java.util.UUID;

/**
 * Registers a provider's system the way a payer's operator would: an ES384 key pair made here, its public half
 * registered, access to the Groups that carry the provider's NPI, read scopes. Returns everything the provider needs
 * to call the suite.
 */
public final class DemoClient {

    public static final String SCOPE = "system/*.rs";

    private DemoClient() {
    }

    public static ClientCredentials register(SuiteAdmin admin, PublicUrls urls, ProviderOrganization provider) {
        ClientKey key = ClientKey.es384("demo-" + UUID.randomUUID());
        String clientId = admin.registerClient(provider.name() + " (demo)", key, List.of(SCOPE), List.of(),
                List.of(GroupGrant.identifierToken(IdentifierSystem.NPI.uri(), provider.npi())));
        return new ClientCredentials(clientId, urls.tokenUrl(), urls.fhirBase(), SCOPE, key.privateJwk());
    }
}
