package org.openpayer.bulkexport.attribution.load;

import ca.uhn.fhir.parser.DataFormatException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;
import org.openpayer.bulkexport.attribution.write.RequiredElements;
import org.openpayer.bulkexport.attribution.write.ResourceBatchWriter;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads NDJSON into the store as one transaction: every line is parsed strictly, checked for required elements and
 * written in batches, so memory stays bounded by the batch size however large the input; the first invalid line rolls
 * everything back, so a load is either stored completely or not at all.
 */
@ApplicationScoped
public class NdjsonLoader {

    private final AgroalDataSource dataSource;
    private final FhirJson fhir;
    private final StoredResourceFhirMapper resourceMapper;
    private final ResourceBatchWriter writer;
    private final RequiredElements requiredElements;
    private final int batchSize;

    public NdjsonLoader(AgroalDataSource dataSource, FhirJson fhir, StoredResourceFhirMapper resourceMapper,
                        ResourceBatchWriter writer, RequiredElements requiredElements, AttributionConfig config) {
        this.dataSource = dataSource;
        this.fhir = fhir;
        this.resourceMapper = resourceMapper;
        this.writer = writer;
        this.requiredElements = requiredElements;
        this.batchSize = config.load().batchSize();
    }

    public LoadSummary load(InputStream ndjson) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                LoadSummary summary = loadLines(connection, ndjson);
                connection.commit();
                return summary;
            } catch (RuntimeException | IOException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private LoadSummary loadLines(Connection connection, InputStream ndjson) throws IOException, SQLException {
        Map<String, Integer> counts = new HashMap<>();
        Batch batch = new Batch();
        BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ResourceWrite write = parse(line, lineNumber);
            if (batch.contains(write) || batch.size() >= batchSize) {
                flush(connection, batch);
            }
            batch.add(write);
            counts.merge(write.resourceType(), 1, Integer::sum);
        }
        flush(connection, batch);
        if (counts.isEmpty()) {
            throw FhirException.badRequest("The NDJSON body holds no resources.");
        }
        return new LoadSummary(counts);
    }

    private ResourceWrite parse(String line, int lineNumber) {
        try {
            Resource resource = (Resource) fhir.strictParser().parseResource(line);
            List<String> missing = requiredElements.missing(resource);
            if (!missing.isEmpty()) {
                throw FhirException.unprocessable(IssueType.REQUIRED, "required elements are missing: "
                        + String.join(", ", missing) + ".");
            }
            return resourceMapper.fromFhir(resource);
        } catch (DataFormatException | ClassCastException e) {
            throw FhirException.badRequest("Line " + lineNumber + " is not a valid FHIR R4 resource: "
                    + e.getMessage());
        } catch (FhirException e) {
            throw new FhirException(e.status(), e.issueType(), "Line " + lineNumber + ": " + e.getMessage());
        }
    }

    private void flush(Connection connection, Batch batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        writer.write(connection, batch.writes);
        batch.clear();
    }

    /** Writes waiting to be flushed; a resource seen twice forces a flush so its versions follow each other. */
    private static final class Batch {
        private final List<ResourceWrite> writes = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();

        boolean contains(ResourceWrite write) {
            return keys.contains(write.key());
        }

        void add(ResourceWrite write) {
            writes.add(write);
            keys.add(write.key());
        }

        int size() {
            return writes.size();
        }

        boolean isEmpty() {
            return writes.isEmpty();
        }

        void clear() {
            writes.clear();
            keys.clear();
        }
    }
}
