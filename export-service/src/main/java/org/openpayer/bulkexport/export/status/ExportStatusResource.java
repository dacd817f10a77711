package org.openpayer.bulkexport.export.status;

import io.minio.errors.MinioException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.job.ExportFile;
import org.openpayer.bulkexport.export.job.ExportJob;
import org.openpayer.bulkexport.export.job.JobLifecycle;
import org.openpayer.bulkexport.export.job.JobStatus;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.OperationOutcomeResponses;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The status URL a kick-off returns. Only the client that started a job sees it; to anyone else, and after a
 * {@code DELETE}, it answers 404 as if it never existed. The token must still read every exported type.
 */
@Path(PublicPaths.BULK_STATUS + "/{jobId}")
@Authenticated
public class ExportStatusResource {

    private final JsonWebToken token;
    private final JobLifecycle lifecycle;
    private final ExportStorage storage;
    private final PublicUrls urls;
    private final ExportConfig config;

    public ExportStatusResource(JsonWebToken token, JobLifecycle lifecycle, ExportStorage storage, PublicUrls urls,
                                ExportConfig config) {
        this.token = token;
        this.lifecycle = lifecycle;
        this.storage = storage;
        this.urls = urls;
        this.config = config;
    }

    @GET
    public Response status(@PathParam("jobId") String jobId) {
        Caller caller = Caller.from(token);
        ExportJob job = ownJob(caller, jobId);
        job.resourceTypeList().forEach(caller::requireRead);
        return switch (job.status) {
            case ACCEPTED, IN_PROGRESS -> pacedPoll(job)
                    .header("X-Progress", progress(job))
                    .header("Retry-After", config.retryAfter().toSeconds())
                    .build();
            case COMPLETED -> Response.ok(Manifest.of(job, ExportFile.list("key.jobId", job.id), urls),
                            MediaType.APPLICATION_JSON_TYPE)
                    .header("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            job.completedAt.plus(config.fileRetention()).atOffset(ZoneOffset.UTC)))
                    .build();
            case FAILED -> OperationOutcomeResponses.of(500, IssueType.EXCEPTION, job.failureReason);
            case CANCELLED, EXPIRED -> throw notFound(jobId);
        };
    }

    /** Cancels a running job or discards a finished one; either way its files are deleted. */
    @DELETE
    public Response cancel(@PathParam("jobId") String jobId) throws MinioException {
        Caller caller = Caller.from(token);
        ExportJob job = ownJob(caller, jobId);
        if (!lifecycle.cancel(job.id, caller.clientId())) {
            throw notFound(jobId);
        }
        storage.deletePrefix(ExportFileNames.jobPrefix(job.id));
        return Response.accepted().build();
    }

    private static ExportJob ownJob(Caller caller, String jobId) {
        ExportJob job = ExportFileNames.parseJobId(jobId).map(id -> ExportJob.<ExportJob>findById(id)).orElse(null);
        if (job == null || !job.clientId.equals(caller.clientId()) || job.status.isGone()) {
            throw notFound(jobId);
        }
        return job;
    }

    /**
     * Bulk Data lets a server answer 429 to a client polling faster than the {@code Retry-After} it was given; we do
     * when polls of one running job come closer than {@code export.min-poll-interval}.
     */
    private Response.ResponseBuilder pacedPoll(ExportJob job) {
        if (!lifecycle.recordPoll(job.id, config.minPollInterval())) {
            throw FhirException.tooManyRequests("Polled too often: wait " + config.retryAfter().toSeconds()
                    + " s (Retry-After) between status requests.", config.retryAfter());
        }
        return Response.accepted();
    }

    /** Under 100 characters, as Bulk Data asks of X-Progress. */
    private static String progress(ExportJob job) {
        if (job.status == JobStatus.ACCEPTED) {
            return "queued";
        }
        return job.taskCount == null
                ? "planning; " + job.tasksDone + " tasks done"
                : "exporting; " + job.tasksDone + " of " + job.taskCount + " tasks done";
    }

    private static FhirException notFound(String jobId) {
        return FhirException.notFound("No export job " + jobId + " for this client (it may have been deleted).");
    }
}
