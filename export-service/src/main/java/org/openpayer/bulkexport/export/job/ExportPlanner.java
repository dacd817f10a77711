package org.openpayer.bulkexport.export.job;

import io.minio.errors.MinioException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.roster.MemberDataReader;
import org.openpayer.bulkexport.export.roster.Population;
import org.openpayer.bulkexport.export.storage.ErrorFile;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.event.ExportRequested;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.ResourceType;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an accepted export into tasks: its population (a Group's current members, or at patient and system level the
 * members of every Group the token grants) in keyset batches of {@code export.patient-batch-size}, times the requested
 * patient-compartment types; at system level, one more task per directory type, exported whole. Each batch of tasks
 * is stored, then published, before the next batch is read, so planning a roster of a million members holds one batch
 * in memory and workers start on the first tasks while the rest is still being planned.
 */
@ApplicationScoped
public class ExportPlanner {

    private static final Logger LOG = Logger.getLogger(ExportPlanner.class);

    private final JobLifecycle lifecycle;
    private final MemberDataReader memberData;
    private final JobEventPublisher publisher;
    private final ExportStorage storage;
    private final int batchSize;

    public ExportPlanner(JobLifecycle lifecycle, MemberDataReader memberData, JobEventPublisher publisher,
                         ExportStorage storage, ExportConfig config) {
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.memberData = memberData;
        this.publisher = publisher;
        this.batchSize = config.patientBatchSize();
    }

    /** The next batch of the job's population, re-read now: members who left or opted out since kick-off are out. */
    private List<String> members(ExportRequested request, String afterPatient) throws SQLException {
        return memberData.members(Population.of(request), afterPatient, batchSize);
    }

    private static ExportTaskPlanned task(ExportRequested request, int seq, String resourceType,
                                          List<String> patients) {
        return new ExportTaskPlanned(request.jobId(), Instant.now(), seq, request.clientId(), resourceType, patients,
                request.since(), request.transactionTime(), request.until(), request.elements(),
                typeFilters(request, resourceType));
    }

    /** The {@code _typeFilter} queries of one type, without their {@code Type?}. */
    private static List<String> typeFilters(ExportRequested request, String resourceType) {
        if (request.typeFilters() == null) {
            return null;
        }
        String prefix = resourceType + "?";
        return request.typeFilters().stream().filter(query -> query.startsWith(prefix))
                .map(query -> query.substring(prefix.length())).toList();
    }

    /** What the kick-off ignored under lenient handling, as the job's own error file. */
    private boolean reportIgnored(ExportRequested request) throws MinioException {
        if (request.issues() == null || request.issues().isEmpty()) {
            return true;
        }
        List<ErrorFile.Issue> issues = request.issues().stream()
                .map(text -> new ErrorFile.Issue(IssueSeverity.WARNING, IssueType.NOT_SUPPORTED, text)).toList();
        return lifecycle.addJobErrorFile(request.jobId(),
                ErrorFile.write(storage, request.jobId(), 0, request.clientId(), issues));
    }

    @Incoming("planner-requests")
    @Blocking
    public void plan(ExportRequested request) throws SQLException, MinioException {
        if (request == null) {
            LOG.warn("skipped an unreadable export-requested record");
            return;
        }
        if (lifecycle.startPlanning(request.jobId()).isEmpty() || !reportIgnored(request)) {
            return;
        }
        int taskCount = 0;
        String afterPatient = "";
        List<String> compartmentTypes = request.resourceTypes().stream()
                .filter(type -> ResourceType.byName(type).map(ResourceType::inPatientCompartment).orElse(false))
                .toList();
        for (List<String> batch = members(request, afterPatient); !batch.isEmpty();
             batch = members(request, afterPatient)) {
            List<ExportTaskPlanned> tasks = new ArrayList<>();
            for (String resourceType : compartmentTypes) {
                tasks.add(task(request, ++taskCount, resourceType, batch));
            }
            if (!lifecycle.addTasks(request.jobId(), tasks)) {
                return;
            }
            publisher.publishTasks(tasks);
            afterPatient = batch.get(batch.size() - 1);
        }
        // System level: the directory types are exported whole, one task each (no patient batch).
        List<ExportTaskPlanned> directoryTasks = new ArrayList<>();
        for (String resourceType : request.resourceTypes()) {
            if (!compartmentTypes.contains(resourceType)) {
                directoryTasks.add(task(request, ++taskCount, resourceType, List.of()));
            }
        }
        if (!directoryTasks.isEmpty()) {
            if (!lifecycle.addTasks(request.jobId(), directoryTasks)) {
                return;
            }
            publisher.publishTasks(directoryTasks);
        }
        if (lifecycle.finishPlanning(request.jobId(), taskCount) instanceof JobLifecycle.Change.Completed done) {
            publisher.publishCompleted(done.event());
        }
    }
}
