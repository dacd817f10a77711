package org.openpayer.bulkexport.export.job;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.roster.MemberDataReader;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.ExportRequested;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an accepted export into tasks: the Group's current members in keyset batches of
 * {@code export.patient-batch-size}, times the requested resource types. Each batch of tasks is stored, then published,
 * before the next batch is read, so planning a roster of a million members holds one batch in memory and workers
 * start on the first tasks while the rest is still being planned.
 */
@ApplicationScoped
public class ExportPlanner {

    private static final Logger LOG = Logger.getLogger(ExportPlanner.class);

    private final JobLifecycle lifecycle;
    private final MemberDataReader memberData;
    private final JobEventPublisher publisher;
    private final int batchSize;

    public ExportPlanner(JobLifecycle lifecycle, MemberDataReader memberData, JobEventPublisher publisher,
                         ExportConfig config) {
        this.lifecycle = lifecycle;
        this.memberData = memberData;
        this.publisher = publisher;
        this.batchSize = config.patientBatchSize();
    }

    @Incoming("planner-requests")
    @Blocking
    public void plan(ExportRequested request) throws SQLException {
        if (request == null) {
            LOG.warn("skipped an unreadable export-requested record");
            return;
        }
        if (lifecycle.startPlanning(request.jobId()).isEmpty()) {
            return;
        }
        if (request.level() != ExportLevel.GROUP) {
            lifecycle.fail(request.jobId(), request.level() + "-level export is not supported yet.");
            return;
        }
        int taskCount = 0;
        String afterPatient = "";
        for (List<String> batch = memberData.activeMembers(request.groupId(), afterPatient, batchSize);
             !batch.isEmpty();
             batch = memberData.activeMembers(request.groupId(), afterPatient, batchSize)) {
            List<ExportTaskPlanned> tasks = new ArrayList<>();
            for (String resourceType : request.resourceTypes()) {
                tasks.add(new ExportTaskPlanned(request.jobId(), Instant.now(), ++taskCount, request.clientId(),
                        resourceType, batch, request.since(), request.transactionTime(), request.until()));
            }
            if (!lifecycle.addTasks(request.jobId(), tasks)) {
                return;
            }
            publisher.publishTasks(tasks);
            afterPatient = batch.get(batch.size() - 1);
        }
        if (lifecycle.finishPlanning(request.jobId(), taskCount) instanceof JobLifecycle.Change.Completed done) {
            publisher.publishCompleted(done.event());
        }
    }
}
