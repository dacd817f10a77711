package org.openpayer.bulkexport.attribution.payerpull.remote;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A completed export's manifest, as far as the pull uses it: the NDJSON files of resources and of deletions (each
 * line a Bundle of DELETEs), and whether downloads take the token. Error files are the old payer's OperationOutcomes,
 * counted, not imported.
 *
 * @param requiresAccessToken whether the files are fetched with the bearer token
 * @param output              resource files
 * @param deleted             deletion files ({@code _since} exports)
 * @param errorFiles          how many error files the manifest lists
 */
public record ExportManifest(boolean requiresAccessToken, List<ExportFile> output, List<ExportFile> deleted,
                             int errorFiles) {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");

    /**
     * One file of the manifest.
     *
     * @param type the resource type its lines hold ({@code Bundle} for deletions)
     * @param url  its absolute URL
     */
    public record ExportFile(String type, String url) {
    }

    public ExportManifest {
        output = List.copyOf(output);
        deleted = List.copyOf(deleted);
    }

    /** Reads a manifest; file URLs are resolved against the status URL (Bulk Data asks for absolute ones). */
    static ExportManifest parse(JsonNode manifest, URI statusUrl) {
        if (!manifest.path("output").isArray()) {
            throw new PullFailure(PullStep.EXPORT, "The old payer's export manifest has no output list.");
        }
        return new ExportManifest(manifest.path("requiresAccessToken").asBoolean(true),
                files(manifest.path("output"), statusUrl), files(manifest.path("deleted"), statusUrl),
                manifest.path("error").size());
    }

    private static List<ExportFile> files(JsonNode items, URI statusUrl) {
        List<ExportFile> files = new ArrayList<>();
        for (JsonNode item : items) {
            String type = item.path("type").asText();
            String url = item.path("url").asText();
            if (!TYPE.matcher(type).matches() || url.isBlank()) {
                throw new PullFailure(PullStep.EXPORT, "The old payer's export manifest lists a file without a "
                        + "resource type or URL: " + item);
            }
            files.add(new ExportFile(type, statusUrl.resolve(url).toString()));
        }
        return files;
    }
}
