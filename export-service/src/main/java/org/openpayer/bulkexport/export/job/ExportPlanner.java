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
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.ExportRequested;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.ResourceType;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Splits an accepted export into tasks: its population (a Group's current members, or at patient and system level the
 * members of every Group the token grants) in keyset batches of {@code export.patient-batch-size}, times the requested
 * patient-compartment types; then one task per other type (the directory at system level; the Group itself and the
 * directory resources its members are attributed to at Group level). Each batch of tasks is stored before the next
 * batch is read, so planning a roster of a million members holds one batch in memory; the tasks are published as the
 * job's share of the work queue allows ({@link TaskWindow}), so workers start on the first tasks while the rest is
 * still being planned. A planner plans under the job's lease ({@link PlanningLease}): when one is lost mid-way, the
 * next takes over and resumes after the batches stored.
 */
@ApplicationScoped
public class ExportPlanner {

    private static final Logger LOG = Logger.getLogger(ExportPlanner.class);
    /** Members of a payer-to-payer export reported as left out for their Consent, at most. */
    private static final int MAX_REPORTED = 1000;

    private final JobLifecycle lifecycle;
    private final MemberDataReader memberData;
    private final JobEventPublisher publisher;
    private final ExportStorage storage;
    private final int batchSize;
    /** This planner, unique per process: two instances must never think they hold the same lease. */
    private final String plannerId;

    public ExportPlanner(JobLifecycle lifecycle, MemberDataReader memberData, JobEventPublisher publisher,
                         ExportStorage storage, ExportConfig config) {
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.memberData = memberData;
        this.publisher = publisher;
        this.batchSize = config.patientBatchSize();
        this.plannerId = config.workerId().orElse("planner") + "/" + UUID.randomUUID();
    }

    /** The next batch of the job's population, re-read now: members who left or opted out since kick-off are out. */
    private List<String> members(ExportRequested request, String afterPatient) throws SQLException {
        return memberData.members(Population.of(request), afterPatient, batchSize);
    }

    private static ExportTaskPlanned task(ExportRequested request, int seq, String resourceType,
                                          List<String> patients, String groupId) {
        return new ExportTaskPlanned(request.jobId(), Instant.now(), seq, request.clientId(), resourceType, patients,
                request.since(), request.transactionTime(), request.until(), request.elements(),
                TaskEvents.typeFiltersFor(request.typeFilters(), resourceType), groupId);
    }

    @Incoming("planner-requests")
    @Blocking
    public void plan(ExportRequested request) throws SQLException, MinioException {
        if (request == null) {
            LOG.warn("skipped an unreadable export-requested record");
            return;
        }
        Optional<PlanningLease.PlanningStart> claimed = claim(request.jobId());
        if (claimed.isEmpty()) {
            return;
        }
        PlanningLease.PlanningStart start = claimed.get();
        long started = System.nanoTime();
        int taskCount = start.tasksStored();
        int batchSeq = start.batchesStored();
        String afterPatient = start.afterPatient();
        List<String> compartmentTypes = request.resourceTypes().stream()
                .filter(type -> ResourceType.byName(type).map(ResourceType::inPatientCompartment).orElse(false))
                .toList();
        String groupId = request.level() == ExportLevel.GROUP ? request.groupId() : null;
        if (!start.wholeTypesStored()) {
            for (List<String> batch = members(request, afterPatient); !batch.isEmpty();
                 batch = members(request, afterPatient)) {
                batchSeq++;
                List<ExportTaskPlanned> tasks = new ArrayList<>();
                for (String resourceType : compartmentTypes) {
                    tasks.add(task(request, ++taskCount, resourceType, batch, groupId));
                }
                if (!store(request.jobId(), batchSeq, batch, tasks)) {
                    return;
                }
                afterPatient = batch.get(batch.size() - 1);
            }
            // One task per type outside the compartment: at system level the whole directory; at Group level the
            // Group itself (ATR) or the directory resources its members (or the named ones) are attributed to.
            List<String> named = request.patients() == null ? List.of() : request.patients();
            List<ExportTaskPlanned> wholeTypeTasks = new ArrayList<>();
            for (String resourceType : request.resourceTypes()) {
                if (!compartmentTypes.contains(resourceType)) {
                    wholeTypeTasks.add(task(request, ++taskCount, resourceType, named, groupId));
                }
            }
            if (!wholeTypeTasks.isEmpty() && !store(request.jobId(), 0, named, wholeTypeTasks)) {
                return;
            }
        }
        if (!reportIssues(request, lifecycle.namedButNotPlanned(request.jobId(), request.patients()),
                withoutConsent(request))) {
            return;
        }
        JobLifecycle.Change finished = lifecycle.finishPlanning(request.jobId(), plannerId, taskCount);
        LOG.debugf("planned export job %s: %d tasks in %d batches, %d ms%s", request.jobId(), taskCount, batchSeq,
                (System.nanoTime() - started) / 1_000_000, start.resumed() ? " (resumed)" : "");
        if (finished instanceof JobLifecycle.Change.Completed done) {
            publisher.publishCompleted(done.event());
        }
    }

    /** A payer-to-payer export's members whose Consent lapsed after the kick-off: they were left out. */
    private List<String> withoutConsent(ExportRequested request) throws SQLException {
        Population population = Population.of(request);
        return population.payerToPayerClient() == null ? List.of()
                : memberData.membersWithoutConsent(population, null, MAX_REPORTED);
    }

    /**
     * The job's planning lease: at once for a new job; after a wait when another planner holds it, which ends when
     * that planner finishes or its lease goes stale. Empty when there is nothing (left) to plan.
     */
    private Optional<PlanningLease.PlanningStart> claim(UUID jobId) {
        while (true) {
            PlanningLease.Claim claim = lifecycle.claimPlanning(jobId, plannerId);
            if (claim instanceof PlanningLease.Claim.Granted granted) {
                if (granted.start().resumed()) {
                    LOG.infof("resuming the planning of export job %s after %d batches", jobId,
                            granted.start().batchesStored());
                    publisher.publishTasks(lifecycle.republish(jobId, granted.unconfirmedTasks()));
                }
                return Optional.of(granted.start());
            }
            if (!(claim instanceof PlanningLease.Claim.Held held)) {
                return Optional.empty();
            }
            try {
                Thread.sleep(held.retryIn().toMillis() + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another planner", e);
            }
        }
    }

    /** Stores one batch of tasks and publishes those the job has room for; false when planning must stop. */
    private boolean store(UUID jobId, int batchSeq, List<String> patients, List<ExportTaskPlanned> tasks) {
        Optional<List<ExportTaskPlanned>> released = lifecycle.addTasks(jobId, plannerId, batchSeq, patients, tasks);
        released.ifPresent(publisher::publishTasks);
        return released.isPresent();
    }

    /**
     * The job's own error file: what the kick-off ignored under lenient handling, each member of a payer-to-payer
     * export whose Consent is no longer in force, and each Patient the client named that is not (or no longer) a
     * member of the population; nothing of theirs was exported.
     *
     * @return false when the job stopped running meanwhile
     */
    private boolean reportIssues(ExportRequested request, List<String> namedButNotPlanned, List<String> withoutConsent)
            throws MinioException {
        List<ErrorFile.Issue> issues = new ArrayList<>();
        if (request.issues() != null) {
            request.issues().forEach(text ->
                    issues.add(new ErrorFile.Issue(IssueSeverity.WARNING, IssueType.NOT_SUPPORTED, text)));
        }
        Set<String> namedButNotExported = new LinkedHashSet<>(namedButNotPlanned);
        for (String patient : withoutConsent) {
            namedButNotExported.remove(patient);
            issues.add(new ErrorFile.Issue(IssueSeverity.ERROR, IssueType.BUSINESS_RULE, "Patient/" + patient
                    + ": the member's Consent is no longer in force for this client (revoked or expired); nothing "
                    + "of theirs was exported."));
        }
        String population = request.groupId() == null ? "the Groups this client is granted"
                : "Group/" + request.groupId();
        for (String patient : namedButNotExported) {
            issues.add(new ErrorFile.Issue(IssueSeverity.ERROR, IssueType.NOT_FOUND, "Patient/" + patient
                    + " is not a current member of " + population + " (or opted out of provider access); nothing "
                    + "of theirs was exported."));
        }
        if (issues.isEmpty()) {
            return true;
        }
        return lifecycle.addJobErrorFile(request.jobId(),
                ErrorFile.write(storage, request.jobId(), 0, request.clientId(), issues));
    }
}
