package org.openpayer.bulkexport.attribution.write;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FHIR transaction and batch Bundles. A transaction is all or nothing in one database transaction: references to
 * another entry's {@code fullUrl} (such as {@code urn:uuid:…}) are rewritten to the id the server assigns, entries run
 * in FHIR's order (DELETE, POST, PUT; Patients first within each, so their compartments exist), and the first refusal
 * rolls everything back and is the answer. A batch runs each entry in its own transaction and answers per entry.
 */
@ApplicationScoped
public class BundleProcessor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<BundleEntryRequest> PATIENTS_FIRST =
            Comparator.comparing(entry -> entry.type() != ResourceType.Patient);

    private final FhirJson fhir;
    private final FhirWrites writes;
    private final ResourceWriter writer;
    private final JdbcTransaction transaction;

    public BundleProcessor(FhirJson fhir, FhirWrites writes, ResourceWriter writer, JdbcTransaction transaction) {
        this.fhir = fhir;
        this.writes = writes;
        this.writer = writer;
        this.transaction = transaction;
    }

    /** Processes a transaction or batch Bundle and returns the response Bundle's JSON. */
    public String process(String body) throws SQLException {
        Bundle bundle = parse(body);
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        return switch (bundle.getType()) {
            case TRANSACTION -> transaction(entries);
            case BATCH -> batch(entries);
            default -> throw FhirException.badRequest("POST to the base takes a Bundle of type transaction or batch, "
                    + "not " + bundle.getType().toCode() + ".");
        };
    }

    private String transaction(List<Bundle.BundleEntryComponent> entries) throws SQLException {
        List<BundleEntryRequest> requests = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            BundleEntryRequest request = BundleEntryRequest.of(i, entries.get(i));
            writes.permitted(request.type().name(), request.permission());
            requests.add(request);
        }
        requireDistinctTargets(requests);
        ObjectNode[] responses = transaction.run(connection -> runTransaction(connection, requests));
        ObjectNode response = responseBundle("transaction-response");
        ArrayNode out = response.putArray("entry");
        for (ObjectNode entry : responses) {
            out.add(entry);
        }
        return response.toString();
    }

    private ObjectNode[] runTransaction(Connection connection, List<BundleEntryRequest> requests)
            throws SQLException {
        ObjectNode[] responses = new ObjectNode[requests.size()];
        Map<String, String> references = new HashMap<>();
        Map<Integer, String> assignedIds = new HashMap<>();
        for (BundleEntryRequest request : requests) {
            if (request.method() != Bundle.HTTPVerb.POST) {
                if (request.fullUrl() != null) {
                    references.put(request.fullUrl(), request.type().name() + "/" + request.id());
                }
                continue;
            }
            Optional<WriteResult> match = request.ifNoneExist() == null ? Optional.empty()
                    : explained(request, () -> writer.match(connection, request.resource(), request.ifNoneExist()));
            String id = match.map(WriteResult::id).orElseGet(ResourceWriter::newId);
            match.ifPresentOrElse(existing -> responses[request.index()] = entryResponse(existing),
                    () -> assignedIds.put(request.index(), id));
            if (request.fullUrl() != null) {
                references.put(request.fullUrl(), request.type().name() + "/" + id);
            }
        }
        requests.stream().filter(request -> request.resource() != null)
                .forEach(request -> rewriteReferences(request.resource(), references));
        for (Bundle.HTTPVerb method : List.of(Bundle.HTTPVerb.DELETE, Bundle.HTTPVerb.POST, Bundle.HTTPVerb.PUT)) {
            List<BundleEntryRequest> ofMethod = requests.stream()
                    .filter(request -> request.method() == method && responses[request.index()] == null)
                    .sorted(PATIENTS_FIRST).toList();
            for (BundleEntryRequest request : ofMethod) {
                responses[request.index()] = explained(request,
                        () -> execute(connection, request, assignedIds.get(request.index())));
            }
        }
        return responses;
    }

    private String batch(List<Bundle.BundleEntryComponent> entries) {
        ObjectNode response = responseBundle("batch-response");
        ArrayNode out = response.putArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            try {
                BundleEntryRequest request = BundleEntryRequest.of(index, entries.get(index));
                writes.permitted(request.type().name(), request.permission());
                ObjectNode done = explained(request, () -> transaction.run(connection ->
                        execute(connection, request, ResourceWriter.newId())));
                out.add(done);
            } catch (FhirException refusal) {
                ObjectNode failed = JSON.createObjectNode();
                failed.putObject("response").put("status", String.valueOf(refusal.status().getStatusCode()))
                        .set("outcome", OperationOutcomes.error(refusal.issueType(), refusal.getMessage()));
                out.add(failed);
            } catch (SQLException e) {
                throw new IllegalStateException("batch entry " + index + " failed in the database", e);
            }
        }
        return response.toString();
    }

    private ObjectNode execute(Connection connection, BundleEntryRequest request, String assignedId)
            throws SQLException {
        return switch (request.method()) {
            case POST -> entryResponse(request.ifNoneExist() == null
                    ? writer.createAs(connection, request.resource(), assignedId)
                    : writer.createIfNoneExist(connection, request.resource(), request.ifNoneExist()));
            case PUT -> entryResponse(writer.update(connection, request.resource(), request.id(), request.ifMatch()));
            default -> {
                Optional<Long> version = writer.delete(connection, request.type(), request.id());
                ObjectNode entry = JSON.createObjectNode();
                ObjectNode response = entry.putObject("response").put("status", "204 No Content");
                version.ifPresent(deleted -> response.put("etag", "W/\"" + deleted + "\""));
                yield entry;
            }
        };
    }

    /** Points references to other entries' fullUrls at the ids those entries get. */
    private void rewriteReferences(Resource resource, Map<String, String> references) {
        for (Reference reference : fhir.context().newTerser()
                .getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String target = references.get(reference.getReference());
            if (target != null) {
                reference.setReference(target);
            }
        }
    }

    /** FHIR forbids two entries acting on one resource in a transaction: their order would be arbitrary. */
    private static void requireDistinctTargets(List<BundleEntryRequest> requests) {
        Set<String> targets = new HashSet<>();
        for (BundleEntryRequest request : requests) {
            if (request.id() != null && !targets.add(request.type().name() + "/" + request.id())) {
                throw FhirException.badRequest("Bundle entry " + request.index() + " (" + request.describe()
                        + ") acts on a resource another entry already acts on.");
            }
        }
    }

    private static ObjectNode entryResponse(WriteResult result) {
        ObjectNode entry = JSON.createObjectNode();
        entry.putObject("response")
                .put("status", result.created() ? "201 Created" : "200 OK")
                .put("location", result.resourceType() + "/" + result.id() + "/_history/"
                        + result.stored().versionId())
                .put("etag", "W/\"" + result.stored().versionId() + "\"")
                .put("lastModified", result.stored().lastUpdated().toString());
        return entry;
    }

    private static ObjectNode responseBundle(String type) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", type);
        return bundle;
    }

    private Bundle parse(String body) {
        if (body == null || body.isBlank()) {
            throw FhirException.badRequest("POST to the base takes a transaction or batch Bundle as its body.");
        }
        try {
            if (fhir.strictParser().parseResource(body) instanceof Bundle bundle) {
                return bundle;
            }
        } catch (DataFormatException e) {
            throw FhirException.badRequest("The body is not a valid FHIR R4 Bundle: " + e.getMessage());
        }
        throw FhirException.badRequest("POST to the base takes a Bundle.");
    }

    private static <T> T explained(BundleEntryRequest request, SqlWork<T> work) throws SQLException {
        try {
            return work.run();
        } catch (FhirException refusal) {
            throw request.explain(refusal);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
