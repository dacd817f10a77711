package org.openpayer.bulkexport.attribution.metadata;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.attribution.roster.search.GroupSearchParameter;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.rest.FhirException;

/**
 * The definitions of our own search parameters, which the CapabilityStatement points at; public like it. Its own
 * literal path, so it takes precedence over the authenticated {@code /fhir/{type}/{id}} reads.
 */
@Path(PublicPaths.FHIR + "/SearchParameter")
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class SearchParameterResource {

    private final PublicUrls urls;

    public SearchParameterResource(PublicUrls urls) {
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) {
        GroupSearchParameter parameter = GroupSearchParameter.custom().stream()
                .filter(custom -> custom.customId().equals(id))
                .findFirst()
                .orElseThrow(() -> FhirException.notFound("No SearchParameter/" + id + "."));
        return Response.ok(SearchParameterJson.of(parameter, urls.fhirBase()), FhirMediaType.FHIR_JSON).build();
    }
}
