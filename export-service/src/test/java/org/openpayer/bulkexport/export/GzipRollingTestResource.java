package org.openpayer.bulkexport.export;

import java.util.Map;

/** export-service storing files gzipped and rolling them over after every resource, ten patients a task. */
public class GzipRollingTestResource extends ExportTestResource {

    public static final int RESOURCES_PER_FILE = 1;

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("export.gzip-files", "true", "export.file-max-resources", String.valueOf(RESOURCES_PER_FILE),
                "export.patient-batch-size", "10");
    }
}
