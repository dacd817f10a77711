package org.openpayer.bulkexport.export.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.export.job.ExportFile;
import org.openpayer.bulkexport.export.job.ExportJob;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.util.Comparator;
import java.util.List;

/**
 * The Bulk Data completion manifest. Every required key is always present ({@code error} too, empty when there were
 * no errors); output URLs are absolute and point at file-service, which demands the same bearer token, hence
 * {@code requiresAccessToken: true}. Files are listed by type, then in task order.
 */
final class Manifest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifest() {
    }

    static String of(ExportJob job, List<ExportFile> files, PublicUrls urls) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("transactionTime", job.transactionTime.toString());
        manifest.put("request", job.requestUrl);
        manifest.put("requiresAccessToken", true);
        ArrayNode output = manifest.putArray("output");
        files.stream()
                .sorted(Comparator.comparing((ExportFile file) -> file.resourceType)
                        .thenComparing(file -> file.taskSeq))
                .forEach(file -> output.addObject()
                        .put("type", file.resourceType)
                        .put("url", urls.exportFile(job.id, file.key.fileName()))
                        .put("count", file.resourceCount));
        manifest.putArray("error");
        return manifest.toString();
    }
}
