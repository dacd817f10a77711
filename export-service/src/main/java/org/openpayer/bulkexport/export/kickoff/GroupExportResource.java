package org.openpayer.bulkexport.export.kickoff;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.job.ExportJob;
import org.openpayer.bulkexport.export.job.JobLifecycle;
import org.openpayer.bulkexport.export.roster.MemberDataReader;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.ExportRequested;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET} and {@code POST [base]/Group/{id}/$export}: the Bulk Data kick-off for an attribution Group, with the
 * parameters in the query (GET) or in a Parameters body (POST). The client must be allowed that Group instance (a
 * Group it may not see answers 404, like an unknown one). The job is stored, then announced on Kafka, and the answer
 * is {@code 202} with the absolute status URL. {@code Prefer: respond-async} is assumed when missing, as Bulk Data v2
 * allows.
 */
@Path(PublicPaths.FHIR + "/Group/{id}/$export")
@Authenticated
public class GroupExportResource {

    private static final Logger LOG = Logger.getLogger(GroupExportResource.class);

    private final JsonWebToken token;
    private final MemberDataReader memberData;
    private final JobLifecycle lifecycle;
    private final ExportRequestPublisher publisher;
    private final PublicUrls urls;

    public GroupExportResource(JsonWebToken token, MemberDataReader memberData, JobLifecycle lifecycle,
                               ExportRequestPublisher publisher, PublicUrls urls) {
        this.token = token;
        this.memberData = memberData;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.urls = urls;
    }

    @GET
    public Response kickOff(@PathParam("id") String groupId, @Context UriInfo uri) throws SQLException {
        String query = uri.getRequestUri().getRawQuery();
        return kickOff(groupId, uri.getQueryParameters(), kickOffUrl(groupId) + (query == null ? "" : "?" + query));
    }

    /** The manifest's {@code request} of a POST kick-off is its URL alone, without the body's parameters. */
    @POST
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response kickOffByPost(@PathParam("id") String groupId, @Context UriInfo uri, String body)
            throws SQLException {
        if (!uri.getQueryParameters().isEmpty()) {
            throw FhirException.badRequest("A POST kick-off takes its parameters in the Parameters body, not in the "
                    + "URL.");
        }
        return kickOff(groupId, KickOffParameters.fromBody(body), kickOffUrl(groupId));
    }

    private Response kickOff(String groupId, Map<String, List<String>> query, String requestUrl)
            throws SQLException {
        Caller caller = Caller.from(token);
        memberData.findGroup(groupId)
                .filter(group -> caller.groups().permits(group.id(), group.identifierTokens()))
                .orElseThrow(() -> FhirException.notFound(
                        "Group/" + groupId + " is not known or not accessible to this client."));
        ExportParameters parameters = ExportParameters.parse(query, caller);

        ExportJob job = lifecycle.accept(newJob(caller, groupId, parameters, requestUrl));
        try {
            publisher.publish(new ExportRequested(job.id, job.createdAt, job.clientId, job.level, job.groupId,
                    parameters.resourceTypes(), job.since, job.transactionTime, job.until));
        } catch (RuntimeException e) {
            LOG.errorf(e, "export job %s could not be announced", job.id);
            lifecycle.fail(job.id, "The export could not be started; try again.");
            throw new FhirException(Response.Status.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
                    "The export could not be started right now; try again shortly.");
        }
        return Response.accepted().header(HttpHeaders.CONTENT_LOCATION, urls.exportStatus(job.id)).build();
    }

    private ExportJob newJob(Caller caller, String groupId, ExportParameters parameters, String requestUrl)
            throws SQLException {
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.clientId = caller.clientId();
        job.level = ExportLevel.GROUP;
        job.groupId = groupId;
        job.resourceTypes = String.join(",", parameters.resourceTypes());
        job.since = parameters.since();
        job.until = parameters.until();
        job.transactionTime = memberData.clock();
        job.requestUrl = requestUrl;
        return job;
    }

    /** The kick-off URL under the public base, for the manifest's {@code request}. */
    private String kickOffUrl(String groupId) {
        return urls.fhirBase() + "/Group/" + groupId + "/$export";
    }
}
