package org.openpayer.bulkexport.attribution.membermatch;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.OperationOutcomeResponses;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The status URL of a {@code $bulk-member-match}: 202 with {@code X-Progress} and {@code Retry-After} while members
 * are matched, then 200 with PDex 2.1.0's Parameters (MatchedMembers, and NonMatchedMembers and
 * ConsentConstrainedMembers when there are any), or 500 with an OperationOutcome if the job failed. Only the client
 * that asked sees it; to anyone else, after a {@code DELETE} and once its retention passed, it answers 404. DELETE
 * stops a running job (members already matched stay matched) or discards a finished one; the Group of matched
 * members stays either way.
 */
@Path(PublicPaths.BULK_MEMBER_MATCH_STATUS + "/{jobId}")
@Authenticated
public class BulkMatchStatusResource {

    private final BulkMatchJobs jobs;
    private final JdbcTransaction transaction;
    private final Duration retryAfter;
    private final JsonWebToken token;

    public BulkMatchStatusResource(BulkMatchJobs jobs, JdbcTransaction transaction, AttributionConfig config,
                                   JsonWebToken token) {
        this.jobs = jobs;
        this.transaction = transaction;
        this.retryAfter = config.memberMatch().bulk().retryAfter();
        this.token = token;
    }

    @GET
    public Response status(@PathParam("jobId") String jobId) throws SQLException {
        Caller caller = Caller.from(token);
        UUID id = jobId(jobId);
        BulkMatchJobs.JobState job = transaction.run(connection -> jobs.state(connection, id, caller.clientId()))
                .orElseThrow(() -> notFound(jobId));
        return switch (job.status()) {
            case IN_PROGRESS -> Response.accepted()
                    .header("X-Progress", progress(job))
                    .header("Retry-After", retryAfter(job).toSeconds())
                    .build();
            case COMPLETED -> Response.ok(job.result(), FhirMediaType.FHIR_JSON).build();
            case FAILED -> OperationOutcomeResponses.of(500, IssueType.EXCEPTION, job.failureReason());
        };
    }

    @DELETE
    public Response delete(@PathParam("jobId") String jobId) throws SQLException {
        Caller caller = Caller.from(token);
        UUID id = jobId(jobId);
        if (!transaction.run(connection -> jobs.delete(connection, id, caller.clientId()))) {
            throw notFound(jobId);
        }
        return Response.accepted().build();
    }

    /** Under 100 characters, as Bulk Data asks of X-Progress. */
    private static String progress(BulkMatchJobs.JobState job) {
        String done = job.membersDone() + " of " + job.memberCount() + " members decided";
        return paused(job) ? done + "; waiting: too many failed matches" : done;
    }

    /** The configured pace, or, for a job the failed-match limit holds back, until it may go on. */
    private Duration retryAfter(BulkMatchJobs.JobState job) {
        if (!paused(job)) {
            return retryAfter;
        }
        Duration untilResumed = Duration.between(Instant.now(), job.pausedUntil()).plusSeconds(1);
        return untilResumed.compareTo(retryAfter) > 0 ? untilResumed : retryAfter;
    }

    private static boolean paused(BulkMatchJobs.JobState job) {
        return job.pausedUntil() != null && job.pausedUntil().isAfter(Instant.now());
    }

    private static UUID jobId(String jobId) {
        try {
            return UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw notFound(jobId);
        }
    }

    private static FhirException notFound(String jobId) {
        return FhirException.notFound("No $bulk-member-match job " + jobId + " for this client (it may have been "
                + "deleted, or its result expired).");
    }
}
