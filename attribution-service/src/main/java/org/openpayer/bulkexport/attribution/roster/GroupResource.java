package org.openpayer.bulkexport.attribution.roster;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.attribution.read.HistoryBundle;
import org.openpayer.bulkexport.attribution.read.ResourceRepository;
import org.openpayer.bulkexport.attribution.read.StoredVersion;
import org.openpayer.bulkexport.attribution.read.StoredVersionResponses;
import org.openpayer.bulkexport.attribution.roster.search.GroupQuery;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.model.fhir.atr.ServedGroup;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read and search of attribution Groups, always narrowed to the Groups the calling client may access: ATR producers
 * SHALL check access per Group instance. A Group the client may not see answers exactly like a Group that does not
 * exist, so ids and identifiers cannot be probed.
 */
@Path(PublicPaths.FHIR + "/Group")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class GroupResource {

    private final GroupRepository groups;
    private final GroupFhirMapper mapper;
    private final GroupSearchBundle bundles;
    private final JsonWebToken token;
    private final ResourceRepository resources;
    private final HistoryBundle historyBundle;
    private final GroupAccess access;

    public GroupResource(GroupRepository groups, GroupFhirMapper mapper, GroupSearchBundle bundles,
                         JsonWebToken token, ResourceRepository resources, HistoryBundle historyBundle,
                         GroupAccess access) {
        this.access = access;
        this.resources = resources;
        this.historyBundle = historyBundle;
        this.groups = groups;
        this.mapper = mapper;
        this.bundles = bundles;
        this.token = token;
    }

    /**
     * The Group with its members streamed from the database, or without them under {@code _summary=true} (what ATR
     * asks clients to use for large lists). ETag and Last-Modified carry the version.
     */
    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id, @QueryParam("_summary") List<String> summaryParameter)
            throws SQLException {
        GroupRepository.GroupRow group = accessibleGroup(id);
        Summary summary = Summary.parse(summaryParameter, false);
        ObjectNode served = ServedGroup.withOptedOut(mapper.served(group.contentWithoutMembers(), summary),
                groups.optedOutCount(id));
        Object body = summary.withMembers()
                ? new GroupStreamingBody(served.toString(), sink -> groups.forEachMember(id, group.versionId(), sink))
                : served.toString();
        return Response.ok(body, FhirMediaType.FHIR_JSON)
                .tag(new EntityTag(served.at("/meta/versionId").asText(), true))
                .header(HttpHeaders.LAST_MODIFIED, lastModified(served))
                .build();
    }

    /** A version of the Group as it was then: its own element from history, its members as of that version. */
    @GET
    @Path("{id}/_history/{versionId}")
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId)
            throws SQLException {
        accessibleGroup(id);
        long number = StoredVersionResponses.versionNumber("Group", id, versionId);
        StoredVersion version = resources.version("Group", id, number)
                .orElseThrow(() -> FhirException.notFound("Group/" + id + " has no version " + versionId + "."));
        if (version.deleted() || GroupFhirMapper.hasMembers(version.content())) {
            // tombstones, and versions stored before members were versioned apart, are served as stored
            return StoredVersionResponses.served("Group", id, version);
        }
        return Response.ok(new GroupStreamingBody(version.content(),
                        sink -> groups.forEachMemberOfVersion(id, number, sink)), FhirMediaType.FHIR_JSON)
                .tag(new EntityTag(String.valueOf(number), true))
                .lastModified(Date.from(version.lastUpdated()))
                .build();
    }

    /**
     * Every version of the Group without its members (tagged SUBSETTED): a list of 10^5 members in each of many
     * versions would make the history unusable. vread serves any version whole.
     */
    @GET
    @Path("{id}/_history")
    public Response history(@PathParam("id") String id) throws SQLException {
        accessibleGroup(id);
        List<StoredVersion> versions = resources.history("Group", id).stream()
                .map(mapper::withoutMembersTagged).toList();
        return Response.ok(historyBundle.render("Group", id, versions), FhirMediaType.FHIR_JSON).build();
    }

    /**
     * Discovery search, narrowed in SQL to the caller's Groups before any parameter is applied; see {@link GroupQuery}
     * for the parameters.
     */
    @GET
    public Response search(@Context UriInfo uri) throws SQLException {
        Caller caller = Caller.from(token);
        if (!caller.scopes().allows("Group", Permission.SEARCH)) {
            throw FhirException.forbidden("The access token does not allow searching Group; ask for system/Group.rs.");
        }
        GroupQuery query = GroupQuery.parse(uri.getQueryParameters());
        List<ObjectNode> matches = new ArrayList<>();
        Map<String, Long> versions = new HashMap<>();
        for (GroupRepository.GrantedGroup granted : groups.readableGroups(caller)) {
            ObjectNode group = ServedGroup.withOptedOut(mapper.served(granted.contentWithoutMembers(), query.summary()),
                    groups.optedOutCount(granted.id()));
            if (query.matches(group)) {
                matches.add(group);
                versions.put(granted.id(), granted.versionId());
            }
        }
        List<ObjectNode> entries = query.summary() == Summary.COUNT ? List.of() : matches;
        Optional<Function<String, GroupStreamingBody.MemberSource>> members = query.summary().withMembers()
                ? Optional.of(id -> sink -> groups.forEachMember(id, versions.get(id), sink)) : Optional.empty();
        return Response.ok(bundles.searchset(uri.getRequestUri().toString(), matches.size(), entries, members),
                FhirMediaType.FHIR_JSON).build();
    }

    private static String lastModified(ObjectNode group) {
        String lastUpdated = group.at("/meta/lastUpdated").asText(null);
        return lastUpdated == null ? null : DateTimeFormatter.RFC_1123_DATE_TIME.format(
                OffsetDateTime.parse(lastUpdated).atZoneSameInstant(ZoneOffset.UTC));
    }

    private GroupRepository.GroupRow accessibleGroup(String id) throws SQLException {
        Caller caller = Caller.from(token);
        caller.requireRead("Group");
        return access.require(caller, id);
    }
}
