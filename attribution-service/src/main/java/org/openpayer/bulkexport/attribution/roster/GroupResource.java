package org.openpayer.bulkexport.attribution.roster;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Read and search of attribution Groups, always narrowed to the Groups the calling client may access: ATR producers
 * SHALL check access per Group instance. A Group the client may not see answers exactly like a Group that does not
 * exist, so ids and identifiers cannot be probed.
 */
@Path(PublicPaths.FHIR + "/Group")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class GroupResource {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("identifier");

    private final GroupRepository groups;
    private final GroupFhirMapper mapper;
    private final GroupSearchBundle bundles;
    private final JsonWebToken token;

    public GroupResource(GroupRepository groups, GroupFhirMapper mapper, GroupSearchBundle bundles,
                         JsonWebToken token) {
        this.groups = groups;
        this.mapper = mapper;
        this.bundles = bundles;
        this.token = token;
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) throws SQLException {
        Caller caller = Caller.from(token);
        caller.requireRead("Group");
        GroupRepository.GroupRow group = groups.find(id)
                .filter(row -> permits(caller, row))
                .orElseThrow(() -> FhirException.notFound(
                        "Group/" + id + " is not known or not accessible to this client."));
        return Response.ok(mapper.toFhir(group.contentWithoutMembers(), groups.memberContents(id)),
                FhirMediaType.FHIR_JSON).build();
    }

    /** {@code identifier=[system|]value}; repeated parameters AND, comma-separated values OR. */
    @GET
    public Response search(@Context UriInfo uri) throws SQLException {
        Caller caller = Caller.from(token);
        if (!caller.scopes().allows("Group", Permission.SEARCH)) {
            throw FhirException.forbidden("The access token does not allow searching Group; ask for system/Group.rs.");
        }
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        for (String name : parameters.keySet()) {
            if (!SEARCH_PARAMETERS.contains(name)) {
                throw FhirException.notSupported("Group search parameter '" + name + "' is not supported; supported: "
                        + SEARCH_PARAMETERS + ".");
            }
        }
        List<String> matches = new GroupIdentifierQuery(groups).matchingIds(parameters.get("identifier"));
        List<String> visible = new ArrayList<>();
        for (String id : matches) {
            groups.find(id).filter(row -> permits(caller, row)).ifPresent(row -> visible.add(
                    mapper.toFhir(row.contentWithoutMembers(), memberContents(id))));
        }
        return Response.ok(bundles.searchset(uri.getRequestUri().toString(), visible), FhirMediaType.FHIR_JSON)
                .build();
    }

    private List<String> memberContents(String id) {
        try {
            return groups.memberContents(id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read members of Group " + id, e);
        }
    }

    private static boolean permits(Caller caller, GroupRepository.GroupRow group) {
        return caller.groups().permits(group.id(), group.identifiers().stream().map(GroupIdentifier::token).toList());
    }
}
