package org.openpayer.bulkexport.attribution.load;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.roster.GroupMembership;
import org.openpayer.bulkexport.attribution.roster.GroupStreamReader;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;
import org.openpayer.bulkexport.attribution.write.RequiredElements;
import org.openpayer.bulkexport.attribution.write.ResourceBatchWriter;
import org.openpayer.bulkexport.attribution.write.StreamedMembers;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads NDJSON into the store as one transaction: every resource is parsed strictly, checked for required elements
 * and written in batches, so memory stays bounded by the batch size however large the input. A Group's members are
 * streamed into the stage as they are read, so even a Group of 10^6 members (one long line) is never held whole. The
 * first invalid line rolls everything back, so a load is either stored completely or not at all.
 */
@ApplicationScoped
public class NdjsonLoader {

    /** Reads root values one after another: NDJSON is a stream of them, newline-separated. */
    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    private final AgroalDataSource dataSource;
    private final FhirJson fhir;
    private final StoredResourceFhirMapper resourceMapper;
    private final ResourceBatchWriter writer;
    private final RequiredElements requiredElements;
    private final GroupMembership membership;
    private final int batchSize;

    public NdjsonLoader(AgroalDataSource dataSource, FhirJson fhir, StoredResourceFhirMapper resourceMapper,
                        ResourceBatchWriter writer, RequiredElements requiredElements, GroupMembership membership,
                        AttributionConfig config) {
        this.membership = membership;
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
        try (JsonParser parser = JSON.createParser(ndjson)) {
            for (JsonToken token = nextValue(parser); token != null; token = nextValue(parser)) {
                int lineNumber = parser.currentLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw FhirException.badRequest("Line " + lineNumber + " is not a JSON object.");
                }
                ResourceWrite write = read(connection, parser, batch, lineNumber);
                if (!write.groupMembers().preStaged()) {
                    if (batch.contains(write) || batch.size() >= batchSize) {
                        flush(connection, batch);
                    }
                    batch.add(write);
                }
                counts.merge(write.resourceType(), 1, Integer::sum);
            }
        }
        flush(connection, batch);
        if (counts.isEmpty()) {
            throw FhirException.badRequest("The NDJSON body holds no resources.");
        }
        return new LoadSummary(counts);
    }

    /**
     * Reads one resource. A Group's members stream into the stage as they are read, after the writes waiting in the
     * batch are flushed (they may stage a Group of their own); such a Group is stored at once. Everything else is
     * returned for the batch.
     */
    private ResourceWrite read(Connection connection, JsonParser parser, Batch batch, int lineNumber)
            throws IOException, SQLException {
        StreamedMembers[] members = {null};
        ObjectNode resource;
        try {
            resource = GroupStreamReader.readObject(parser, member -> {
                if (members[0] == null) {
                    flush(connection, batch);
                    members[0] = new StreamedMembers(fhir, membership.stage(connection));
                }
                members[0].accept(member);
            });
            if (members[0] == null) {
                return parse(resource.toString(), lineNumber);
            }
            if (!"Group".equals(resource.path("resourceType").asText())) {
                throw FhirException.badRequest("only a Group has members.");
            }
            members[0].finish();
        } catch (FhirException e) {
            throw new FhirException(e.status(), e.issueType(), "Line " + lineNumber + ": " + e.getMessage());
        }
        ResourceWrite group = parse(resource.toString(), lineNumber).withMembersStaged();
        writer.write(connection, List.of(group));
        return group;
    }

    private static JsonToken nextValue(JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonParseException e) {
            throw FhirException.badRequest("Line " + e.getLocation().getLineNr() + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
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
