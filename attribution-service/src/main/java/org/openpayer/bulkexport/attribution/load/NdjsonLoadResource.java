package org.openpayer.bulkexport.attribution.load;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;
import org.openpayer.bulkexport.rest.AdminApi;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/**
 * The payer's bulk load of member data: NDJSON of any stored resource types, Groups included, streamed into the store
 * in one transaction. An operator API (admin key), not routed by the public gateway.
 */
@Path("/admin/ndjson")
@AdminApi
public class NdjsonLoadResource {

    private final NdjsonLoader loader;

    public NdjsonLoadResource(NdjsonLoader loader) {
        this.loader = loader;
    }

    @POST
    @Blocking
    @Consumes({FhirMediaType.FHIR_NDJSON, "application/ndjson", "application/x-ndjson"})
    @Produces(FhirMediaType.FHIR_JSON)
    public Response load(InputStream ndjson) throws IOException, SQLException {
        LoadSummary summary = loader.load(ndjson);
        return Response.ok(OperationOutcomes.toJsonLine(
                OperationOutcomes.of(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, summary.describe()))).build();
    }
}
