package org.openpayer.bulkexport.attribution.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.PreferHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of create, conditional create, update and delete, shared by the generic endpoints and Group's. Writing
 * is for the payer's own systems: it takes the SMART write permissions ({@code system/Type.c}, {@code .u},
 * {@code .d}; v1 {@code .write}), which provider clients are not registered with. Reads stay narrowed to Group
 * members whatever the token may write.
 */
@ApplicationScoped
public class FhirWrites {

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"(\\d+)\"");

    private final ResourceWriter writer;
    private final GroupStreamWriter groupStreamWriter;
    private final JdbcTransaction transaction;
    private final PublicUrls urls;
    private final JsonWebToken token;

    public FhirWrites(ResourceWriter writer, GroupStreamWriter groupStreamWriter, JdbcTransaction transaction,
                      PublicUrls urls, JsonWebToken token) {
        this.writer = writer;
        this.groupStreamWriter = groupStreamWriter;
        this.transaction = transaction;
        this.urls = urls;
        this.token = token;
    }

    public Response create(String typeName, String ifNoneExist, String prefer, String body) throws SQLException {
        ResourceType type = permitted(typeName, Permission.CREATE);
        var resource = writer.parse(body, type);
        WriteResult result = transaction.run(connection -> ifNoneExist == null || ifNoneExist.isBlank()
                ? writer.create(connection, resource)
                : writer.createIfNoneExist(connection, resource, ifNoneExist));
        return respond(result, prefer);
    }

    public Response update(String typeName, String id, String ifMatch, String prefer, String body)
            throws SQLException {
        ResourceType type = permitted(typeName, Permission.UPDATE);
        var resource = writer.parse(body, type);
        Optional<Long> expectedVersion = expectedVersion(ifMatch);
        WriteResult result = transaction.run(connection -> writer.update(connection, resource, id, expectedVersion));
        return respond(result, prefer);
    }

    /**
     * A Group create ({@code id} null) or update read from the request stream, in bounded memory whatever the size of
     * its member list.
     */
    public Response writeGroup(String id, InputStream body, String ifMatch, String prefer) throws SQLException {
        permitted("Group", id == null ? Permission.CREATE : Permission.UPDATE);
        Optional<Long> expected = expectedVersion(ifMatch);
        WriteResult result = transaction.run(connection -> {
            try {
                return groupStreamWriter.write(connection, body, id, expected);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the request body", e);
            }
        });
        return respond(result, prefer);
    }

    public Response delete(String typeName, String id) throws SQLException {
        ResourceType type = permitted(typeName, Permission.DELETE);
        Optional<Long> version = transaction.run(connection -> writer.delete(connection, type, id));
        Response.ResponseBuilder response = Response.noContent();
        version.ifPresent(deleted -> response.tag(new EntityTag(String.valueOf(deleted), true)));
        return response.build();
    }

    /** The type named, once the caller's token is known to allow this write to it (404 unknown, 403 not allowed). */
    public ResourceType permitted(String typeName, Permission permission) {
        ResourceType type = ResourceType.byName(typeName)
                .orElseThrow(() -> FhirException.notFound("Unknown resource type '" + typeName + "'."));
        Caller caller = Caller.from(token);
        if (!caller.scopes().allows(type.name(), permission)) {
            throw FhirException.forbidden("The access token does not allow " + permission.name().toLowerCase()
                    + " of " + type.name() + "; that takes system/" + type.name() + "." + permission.letter()
                    + ", which payer systems are registered with, not provider clients.");
        }
        return type;
    }

    private Response respond(WriteResult result, String prefer) {
        String location = urls.fhirBase() + "/" + result.resourceType() + "/" + result.id() + "/_history/"
                + result.stored().versionId();
        Response.ResponseBuilder response = Response.status(result.created() ? 201 : 200)
                .location(URI.create(location))
                .tag(new EntityTag(String.valueOf(result.stored().versionId()), true))
                .lastModified(Date.from(result.stored().lastUpdated()));
        if (result.matched()) {
            // The match may be member data this client cannot read: confirm it exists, never show it.
            return response.entity(OperationOutcomes.toJsonLine(OperationOutcomes.of(IssueSeverity.INFORMATION,
                    IssueType.INFORMATIONAL, "If-None-Exist matched " + result.resourceType() + "/" + result.id()
                            + "; nothing was stored."))).type(FhirMediaType.FHIR_JSON).build();
        }
        if (PreferHeader.returnMinimal(prefer)) {
            return response.build();
        }
        return response.entity(result.stored().content()).type(FhirMediaType.FHIR_JSON).build();
    }

    /** The version an {@code If-Match} ETag names, e.g. {@code W/"3"}. */
    static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = IF_MATCH.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw FhirException.badRequest("If-Match must name a version as an ETag, e.g. W/\"3\".");
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }
}
