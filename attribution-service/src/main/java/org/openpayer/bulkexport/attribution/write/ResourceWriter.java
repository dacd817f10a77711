package org.openpayer.bulkexport.attribution.write;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.load.StoredResourceFhirMapper;
import org.openpayer.bulkexport.attribution.search.ResourceQuery;
import org.openpayer.bulkexport.attribution.search.ResourceQueryParser;
import org.openpayer.bulkexport.attribution.search.ResourceSearchRepository;
import org.openpayer.bulkexport.attribution.store.ResourceStore;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * FHIR create, conditional create, update and delete, each inside the caller's transaction. What is stored is what
 * will be served and exported, so a resource is refused before anything is written when it does not parse strictly
 * (400), lacks a required element, or places itself in the compartment of a Patient the server does not hold (422).
 */
@ApplicationScoped
public class ResourceWriter {

    private final FhirJson fhir;
    private final StoredResourceFhirMapper mapper;
    private final RequiredElements requiredElements;
    private final ResourceBatchWriter writer;
    private final ResourceQueryParser queryParser;
    private final ResourceSearchRepository search;
    private final ResourceStore store;

    public ResourceWriter(FhirJson fhir, StoredResourceFhirMapper mapper, RequiredElements requiredElements,
                          ResourceBatchWriter writer, ResourceQueryParser queryParser,
                          ResourceSearchRepository search, ResourceStore store) {
        this.store = store;
        this.fhir = fhir;
        this.mapper = mapper;
        this.requiredElements = requiredElements;
        this.writer = writer;
        this.queryParser = queryParser;
        this.search = search;
    }

    /** Parses a request body strictly; it must be a resource of the type the URL names. */
    public Resource parse(String body, ResourceType expected) {
        if (body == null || body.isBlank()) {
            throw FhirException.badRequest("The request needs a " + expected.name() + " resource as its body.");
        }
        Resource resource;
        try {
            resource = (Resource) fhir.strictParser().parseResource(body);
        } catch (DataFormatException | ClassCastException e) {
            throw FhirException.badRequest("The body is not a valid FHIR R4 resource: " + e.getMessage());
        }
        if (!resource.fhirType().equals(expected.name())) {
            throw FhirException.badRequest("The body is a " + resource.fhirType() + ", but the URL names "
                    + expected.name() + ".");
        }
        return resource;
    }

    /** Create: the server assigns the id; any id in the body is ignored, as FHIR says. */
    public WriteResult create(Connection connection, Resource resource) throws SQLException {
        return createAs(connection, resource, newId());
    }

    /** Create with an id the server assigned beforehand (a transaction's references already point to it). */
    public WriteResult createAs(Connection connection, Resource resource, String assignedId) throws SQLException {
        resource.setId(assignedId);
        return store(connection, resource, true, false);
    }

    /** A server-assigned id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Create unless a resource matches {@code If-None-Exist} (a search query such as {@code identifier=sys|val}):
     * one match is returned as is, several are a 412. Concurrent creates with the same condition are serialized.
     */
    public WriteResult createIfNoneExist(Connection connection, Resource resource, String ifNoneExist)
            throws SQLException {
        Optional<WriteResult> existing = match(connection, resource, ifNoneExist);
        return existing.isPresent() ? existing.get() : create(connection, resource);
    }

    /**
     * The resource {@code If-None-Exist} matches, if exactly one does; a 412 if several do. Holds a transaction lock
     * on the condition until commit, so a create that follows cannot race another with the same condition.
     */
    public Optional<WriteResult> match(Connection connection, Resource resource, String ifNoneExist)
            throws SQLException {
        ResourceType type = ResourceType.byName(resource.fhirType()).orElseThrow();
        ResourceQuery query = queryParser.parse(type, queryParameters(ifNoneExist), false);
        if (query.criteria().isEmpty()) {
            throw FhirException.badRequest("If-None-Exist needs search criteria, e.g. identifier=system|value.");
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, type.name() + "?" + ifNoneExist);
            lock.execute();
        }
        List<ResourceSearchRepository.Match> matches = search.page(connection, query, Optional.empty());
        if (matches.size() > 1) {
            throw FhirException.preconditionFailed("If-None-Exist '" + ifNoneExist + "' matches " + matches.size()
                    + " " + type.name() + " resources; it must match at most one.");
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        String id = matches.get(0).id();
        CurrentVersion current = currentVersion(connection, type.name(), id).orElseThrow();
        return Optional.of(new WriteResult(type.name(), id, new ResourceStore.Stored(matches.get(0).content(),
                current.versionId(), current.lastUpdated()), false, true));
    }

    /**
     * Update, or create with the client's id when the resource does not exist (FHIR "update as create").
     *
     * @param expectedVersion the version {@code If-Match} names, if the client sent one
     */
    public WriteResult update(Connection connection, Resource resource, String id, Optional<Long> expectedVersion)
            throws SQLException {
        return update(connection, resource, id, expectedVersion, false);
    }

    /**
     * Create or update of a Group whose members a streaming reader staged in this transaction; {@code group} is the
     * Group's own element. {@code id} is {@code null} for a create.
     */
    public WriteResult writeStagedGroup(Connection connection, Resource group, String id,
                                        Optional<Long> expectedVersion) throws SQLException {
        if (id == null) {
            group.setId(newId());
            return store(connection, group, true, true);
        }
        return update(connection, group, id, expectedVersion, true);
    }

    private WriteResult update(Connection connection, Resource resource, String id, Optional<Long> expectedVersion,
                               boolean membersStaged) throws SQLException {
        String bodyId = resource.getIdElement().getIdPart();
        if (bodyId == null) {
            throw FhirException.badRequest("An update must carry the resource id in the body (" + id + ").");
        }
        if (!bodyId.equals(id)) {
            throw FhirException.badRequest("The body's id '" + bodyId + "' differs from the URL's '" + id + "'.");
        }
        Optional<CurrentVersion> current = currentVersion(connection, resource.fhirType(), id);
        if (expectedVersion.isPresent()
                && current.map(version -> version.versionId() != expectedVersion.get()).orElse(true)) {
            throw FhirException.preconditionFailed("If-Match names version " + expectedVersion.get() + ", but "
                    + resource.fhirType() + "/" + id + " is at version "
                    + current.map(version -> String.valueOf(version.versionId())).orElse("none") + ".");
        }
        return store(connection, resource, current.isEmpty() || current.get().deleted(), membersStaged);
    }

    /** Delete: a tombstone version; empty when there was nothing to delete. */
    public Optional<Long> delete(Connection connection, ResourceType type, String id) throws SQLException {
        return writer.delete(connection, type.name(), id);
    }

    private WriteResult store(Connection connection, Resource resource, boolean created, boolean membersStaged)
            throws SQLException {
        List<String> missing = requiredElements.missing(resource);
        if (!missing.isEmpty()) {
            throw FhirException.unprocessable(IssueType.REQUIRED, "Required elements are missing: "
                    + String.join(", ", missing) + ".");
        }
        ResourceWrite write = membersStaged ? mapper.fromFhir(resource).withMembersStaged() : mapper.fromFhir(resource);
        if (write.patientId() != null && !"Patient".equals(write.resourceType())
                && !store.exists(connection, "Patient", write.patientId())) {
            throw FhirException.unprocessable(IssueType.PROCESSING, write.resourceType() + " refers to Patient/"
                    + write.patientId() + ", which this server does not hold; store the Patient first.");
        }
        ResourceStore.Stored stored = writer.write(connection, List.of(write)).get(0);
        return new WriteResult(write.resourceType(), write.id(), stored, created, false);
    }

    private static Optional<CurrentVersion> currentVersion(Connection connection, String type, String id)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select version_id, last_updated, deleted "
                + "from attribution.resource where resource_type = ? and id = ? for update")) {
            statement.setString(1, type);
            statement.setString(2, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new CurrentVersion(row.getLong(1), row.getTimestamp(2).toInstant(),
                        row.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    /** {@code a=1&b=x%7Cy} as search parameters, decoded. */
    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String trimmed = query.startsWith("?") ? query.substring(1) : query;
        for (String pair : trimmed.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw FhirException.badRequest("If-None-Exist must be a search query such as identifier=sys|val.");
            }
            parameters.computeIfAbsent(decode(pair.substring(0, equals)), name -> new ArrayList<>())
                    .add(decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest("If-None-Exist is not a valid query string: " + e.getMessage());
        }
    }

    private record CurrentVersion(long versionId, Instant lastUpdated, boolean deleted) {
    }
}
