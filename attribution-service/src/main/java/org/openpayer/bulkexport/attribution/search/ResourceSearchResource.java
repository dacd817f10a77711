package org.openpayer.bulkexport.attribution.search;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.PreferHeader;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Search of every stored type but Group (GroupResource serves discovery), by GET or by POST to {@code _search}.
 * Results are narrowed like reads: member data of the caller's active Group members, directory types with the
 * scope alone.
 */
@Path(PublicPaths.FHIR + "/{type}")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class ResourceSearchResource {

    private final ResourceQueryParser parser;
    private final ResourceSearchRepository repository;
    private final SearchsetBundle bundle;
    private final JsonWebToken token;

    public ResourceSearchResource(ResourceQueryParser parser, ResourceSearchRepository repository,
                                  SearchsetBundle bundle, JsonWebToken token) {
        this.parser = parser;
        this.repository = repository;
        this.bundle = bundle;
        this.token = token;
    }

    @GET
    public Response search(@PathParam("type") String type, @Context UriInfo uri,
                           @HeaderParam("Prefer") String prefer) throws SQLException {
        return search(type, uri.getQueryParameters(), prefer);
    }

    /** FHIR's POST form of search, for queries too long or too private for a URL. */
    @POST
    @Path("_search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response searchByPost(@PathParam("type") String type, @Context UriInfo uri,
                                 MultivaluedMap<String, String> form, @HeaderParam("Prefer") String prefer)
            throws SQLException {
        Map<String, List<String>> parameters = new LinkedHashMap<>(uri.getQueryParameters());
        form.forEach((name, values) -> parameters.merge(name, values,
                (first, second) -> Stream.concat(first.stream(), second.stream()).toList()));
        return search(type, parameters, prefer);
    }

    private Response search(String typeName, Map<String, List<String>> parameters, String prefer)
            throws SQLException {
        ResourceType type = ResourceType.byName(typeName)
                .filter(known -> known != ResourceType.Group)
                .orElseThrow(() -> FhirException.notFound("Unknown resource type '" + typeName + "'."));
        Caller caller = Caller.from(token);
        if (!caller.scopes().allows(type.name(), Permission.SEARCH)) {
            throw FhirException.forbidden("The access token does not allow searching " + type.name()
                    + "; ask for system/" + type.name() + ".rs (or system/*.rs).");
        }
        ResourceQuery query = parser.parse(type, parameters, PreferHeader.lenient(prefer));
        Long total = query.withTotal() ? repository.count(query, Optional.of(caller.groups())) : null;
        List<ResourceSearchRepository.Match> matches = query.summary() == Summary.COUNT || query.count() == 0
                ? List.of() : repository.page(query, Optional.of(caller.groups()));
        return Response.ok(bundle.render(query, matches, total), FhirMediaType.FHIR_JSON).build();
    }
}
