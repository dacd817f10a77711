package org.openpayer.bulkexport.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;
import org.openpayer.bulkexport.stack.client.BulkDataClient;
import org.openpayer.bulkexport.stack.client.ClientCredentials;
import org.openpayer.bulkexport.stack.client.HttpCalls;
import org.openpayer.bulkexport.stack.client.SmartBackendClient;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The provider's side of the demo, through the public base URL only: token, Group discovery by NPI, kick-off,
 * polling with progress, the manifest, and every file downloaded and counted.
 */
public final class DemoExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoExport() {
    }

    /** @return the completed manifest */
    public static JsonNode run(ClientCredentials credentials, ProviderOrganization provider, PrintStream out)
            throws Exception {
        HttpCalls http = new HttpCalls();
        BulkDataClient bulk = new BulkDataClient(http, new SmartBackendClient(http, credentials));

        JsonNode groups = bulk.searchGroups(IdentifierSystem.NPI.uri(), provider.npi());
        if (groups.path("total").asInt() != 1) {
            throw new IllegalStateException("expected exactly one Group for NPI " + provider.npi() + ": " + groups);
        }
        JsonNode group = groups.at("/entry/0/resource");
        out.printf("Found Group/%s \"%s\" with %d members%n", group.path("id").asText(),
                group.path("name").asText(), group.path("member").size());

        String statusUrl = bulk.kickOffGroupExport(group.path("id").asText(), "");
        out.println("Export accepted; polling " + statusUrl);
        JsonNode manifest = bulk.awaitManifest(statusUrl, Duration.ofMinutes(5),
                progress -> out.println("  " + progress));
        out.println("Manifest:");
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        for (JsonNode output : manifest.path("output")) {
            int lines = bulk.download(output.path("url").asText()).size();
            out.printf("  downloaded %-22s %5d resources%n", output.path("type").asText(), lines);
        }
        return manifest;
    }
}
