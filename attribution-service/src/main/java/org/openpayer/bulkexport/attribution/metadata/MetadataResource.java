package org.openpayer.bulkexport.attribution.metadata;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;

/** The CapabilityStatement, readable without a token as FHIR clients and conformance tools expect. */
@Path(PublicPaths.FHIR + "/metadata")
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class MetadataResource {

    private final CapabilityStatementBuilder capabilities;

    public MetadataResource(CapabilityStatementBuilder capabilities) {
        this.capabilities = capabilities;
    }

    @GET
    public Response metadata() {
        return Response.ok(capabilities.json(), FhirMediaType.FHIR_JSON).build();
    }
}
