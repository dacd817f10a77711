package org.openpayer.bulkexport.export.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.export.job.ExportFile;
import org.openpayer.bulkexport.export.job.ExportJob;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.storage.ExportFileKind;

import java.util.Comparator;
import java.util.List;

/**
 * The Bulk Data completion manifest. Every key is always present ({@code error} and {@code deleted} too, empty when
 * there are none); URLs are absolute and point at file-service, which demands the same bearer token, hence
 * {@code requiresAccessToken: true}. Files are listed by type, then in task and part order. Deleted files hold
 * Bundles, so their manifest {@code type} is Bundle.
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
        list(manifest.putArray("output"), job, files, ExportFileKind.OUTPUT, urls);
        list(manifest.putArray("error"), job, files, ExportFileKind.ERROR, urls);
        list(manifest.putArray("deleted"), job, files, ExportFileKind.DELETED, urls);
        return manifest.toString();
    }

    private static void list(ArrayNode items, ExportJob job, List<ExportFile> files, ExportFileKind kind,
                             PublicUrls urls) {
        files.stream()
                .filter(file -> file.kind == kind)
                .sorted(Comparator.comparing((ExportFile file) -> file.resourceType)
                        .thenComparing(file -> file.taskSeq)
                        .thenComparing(file -> file.key.fileName()))
                .forEach(file -> items.addObject()
                        .put("type", kind == ExportFileKind.DELETED ? "Bundle" : file.resourceType)
                        .put("url", urls.exportFile(job.id, file.key.fileName()))
                        .put("count", file.resourceCount));
    }
}
