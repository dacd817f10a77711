package org.openpayer.bulkexport.attribution.payerpull.task;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayer;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayerRepository;
import org.openpayer.bulkexport.attribution.read.ResourceRepository;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.pull.PayerPullVocabulary;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.net.URI;
import java.sql.SQLException;

/**
 * {@code POST [base]/Patient/{id}/$payer-pull}: starts pulling one of our members' data from a registered payer.
 * Creating a pull is creating its Task, so it takes permission to create Tasks ({@code system/Task.c}), which only the
 * payer's own systems are registered with; the member must exist here. The answer is 201 with the Task
 * ({@code requested}) and its URL; the pull runs in the background on whichever instance claims it.
 */
@Path(PublicPaths.FHIR + "/Patient/{id}/$" + PayerPullVocabulary.OPERATION)
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class PayerPullResource {

    private static final Logger LOG = Logger.getLogger(PayerPullResource.class);

    private final PullRequestReader reader;
    private final PayerPullRepository pulls;
    private final RemotePayerRepository payers;
    private final ResourceRepository resources;
    private final PayerPullTaskFhirMapper mapper;
    private final FhirJson fhir;
    private final PublicUrls urls;
    private final JsonWebToken token;

    public PayerPullResource(PullRequestReader reader, PayerPullRepository pulls, RemotePayerRepository payers,
                             ResourceRepository resources, PayerPullTaskFhirMapper mapper, FhirJson fhir,
                             PublicUrls urls, JsonWebToken token) {
        this.reader = reader;
        this.pulls = pulls;
        this.payers = payers;
        this.resources = resources;
        this.mapper = mapper;
        this.fhir = fhir;
        this.urls = urls;
        this.token = token;
    }

    @POST
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response start(@PathParam("id") String patientId, String body) throws SQLException {
        Caller caller = Caller.from(token);
        if (!caller.scopes().allows("Task", Permission.CREATE)) {
            throw FhirException.forbidden("Starting a payer-to-payer pull creates a Task: it needs system/Task.c, "
                    + "which only the payer's own systems are registered with.");
        }
        PullRequestReader.Read read = reader.read(fhir.operationParameters(body));
        if (resources.current("Patient", patientId).filter(row -> !row.latest().deleted()).isEmpty()) {
            throw FhirException.notFound("Patient/" + patientId + " is not known.");
        }
        RemotePayer payer = payers.find(read.remotePayerId()).orElseThrow(() -> FhirException.badRequest(
                "remotePayer names no registered payer: " + read.remotePayerId()));
        PayerPull pull = pulls.insert(caller.clientId(), patientId, payer.id(), read.request());
        LOG.infof("payer pull %s requested by client %s: Patient/%s from %s", pull.id(), caller.clientId(),
                patientId, payer.name());
        return Response.created(URI.create(urls.fhirBase() + "/Task/" + pull.id()))
                .entity(mapper.toFhir(pull, payer)).type(FhirMediaType.FHIR_JSON).build();
    }
}
