package org.openpayer.bulkexport.attribution.payerpull.task;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;

/**
 * {@code GET [base]/Task/{id}}: a pull's progress and outcome, for the client that started it (with read permission
 * on Task). Tasks of other clients answer 404, as if they did not exist. Poll it: pulls run in the background.
 */
@Path(PublicPaths.FHIR + "/Task/{id}")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class TaskResource {

    private final PayerPullTasks tasks;
    private final JsonWebToken token;

    public TaskResource(PayerPullTasks tasks, JsonWebToken token) {
        this.tasks = tasks;
        this.token = token;
    }

    @GET
    public Response read(@PathParam("id") String id) throws SQLException {
        Caller caller = Caller.from(token);
        caller.requireRead("Task");
        return tasks.find(id).filter(task -> task.clientId().equals(caller.clientId()))
                .map(task -> Response.ok(task.json(), FhirMediaType.FHIR_JSON).build())
                .orElseThrow(() -> FhirException.notFound("Task/" + id + " is not known or not accessible to this "
                        + "client."));
    }
}
