package org.openpayer.bulkexport.attribution.payerpull.task;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.rest.AdminApi;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;

/** The operators' view of any pull's Task, whoever started it (admin key only; not routed by the gateway). */
@Path("/admin/payer-pulls/{id}")
@AdminApi
@Produces(FhirMediaType.FHIR_JSON)
public class PayerPullAdminResource {

    private final PayerPullTasks tasks;

    public PayerPullAdminResource(PayerPullTasks tasks) {
        this.tasks = tasks;
    }

    @GET
    public Response read(@PathParam("id") String id) throws SQLException {
        return tasks.find(id).map(task -> Response.ok(task.json(), FhirMediaType.FHIR_JSON).build())
                .orElseThrow(() -> FhirException.notFound("No payer pull " + id + "."));
    }
}
