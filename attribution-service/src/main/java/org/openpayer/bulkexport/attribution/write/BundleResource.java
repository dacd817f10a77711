package org.openpayer.bulkexport.attribution.write;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;

import java.sql.SQLException;

/** {@code POST [base]} with a transaction or batch Bundle. */
@Path(PublicPaths.FHIR)
@Authenticated
public class BundleResource {

    private final BundleProcessor processor;

    public BundleResource(BundleProcessor processor) {
        this.processor = processor;
    }

    @POST
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    @Produces({FhirMediaType.FHIR_JSON, "application/json"})
    public Response process(String body) throws SQLException {
        return Response.ok(processor.process(body), FhirMediaType.FHIR_JSON).build();
    }
}
