package org.openpayer.bulkexport.model.event;

import org.openpayer.bulkexport.model.storage.ExportFileKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fluent builders for every event, with realistic defaults, for the tests of every service (shared through this
 * module's test-jar). A test sets only what it is about: {@code anExportTaskPlanned().withResourceType("Coverage")}.
 */
public final class EventBuilders {

    public static final UUID JOB_ID = UUID.fromString("8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50");
    public static final Instant OCCURRED_AT = Instant.parse("2026-11-21T10:15:30.123Z");
    public static final Instant TRANSACTION_TIME = Instant.parse("2026-11-21T10:15:30Z");
    public static final String CLIENT_ID = "clinic-east";

    private EventBuilders() {
    }

    public static ExportRequestedBuilder anExportRequested() {
        return new ExportRequestedBuilder();
    }

    public static ExportTaskPlannedBuilder anExportTaskPlanned() {
        return new ExportTaskPlannedBuilder();
    }

    public static ExportTaskCompletedBuilder anExportTaskCompleted() {
        return new ExportTaskCompletedBuilder();
    }

    public static ExportTaskFailed anExportTaskFailed(int taskSeq, String reason) {
        return new ExportTaskFailed(JOB_ID, OCCURRED_AT, taskSeq, "worker-1", reason);
    }

    public static ExportCompletedBuilder anExportCompleted() {
        return new ExportCompletedBuilder();
    }

    /** Builds {@link ExportRequested}: a group export of Patient and Coverage by default. */
    public static final class ExportRequestedBuilder {
        private UUID jobId = JOB_ID;
        private String clientId = CLIENT_ID;
        private ExportLevel level = ExportLevel.GROUP;
        private String groupId = "group-east";
        private List<String> resourceTypes = List.of("Patient", "Coverage");
        private Instant since;
        private Instant until;
        private List<String> typeFilters;
        private String exportType;

        public ExportRequestedBuilder withExportType(String value) {
            this.exportType = value;
            return this;
        }

        public ExportRequestedBuilder withTypeFilters(String... values) {
            this.typeFilters = List.of(values);
            return this;
        }

        public ExportRequestedBuilder withJobId(UUID value) {
            this.jobId = value;
            return this;
        }

        public ExportRequestedBuilder withClientId(String value) {
            this.clientId = value;
            return this;
        }

        public ExportRequestedBuilder withGroupId(String value) {
            this.level = ExportLevel.GROUP;
            this.groupId = value;
            return this;
        }

        public ExportRequestedBuilder withResourceTypes(String... values) {
            this.resourceTypes = List.of(values);
            return this;
        }

        public ExportRequestedBuilder withSince(Instant value) {
            this.since = value;
            return this;
        }

        public ExportRequestedBuilder withUntil(Instant value) {
            this.until = value;
            return this;
        }

        public ExportRequested build() {
            return new ExportRequested(jobId, OCCURRED_AT, clientId, level, groupId, resourceTypes, since,
                    TRANSACTION_TIME, until, null, null, null, null, typeFilters, null, exportType);
        }
    }

    /**
     * Builds {@link ExportCompleted}: a Bulk Data export of Group group-east with 4 files of 1200 resources by
     * default, no {@code _type} or {@code _typeFilter}.
     */
    public static final class ExportCompletedBuilder {
        private UUID jobId = JOB_ID;
        private int fileCount = 4;
        private long resourceCount = 1200;
        private boolean withRequest = true;
        private ExportLevel level = ExportLevel.GROUP;
        private String groupId = "group-east";
        private String exportType;
        private Instant transactionTime = TRANSACTION_TIME;
        private Instant since;
        private Instant until;
        private List<String> patients;
        private String typeParameter;
        private String typeFilterParameter;

        public ExportCompletedBuilder withJobId(UUID value) {
            this.jobId = value;
            return this;
        }

        public ExportCompletedBuilder withCounts(int files, long resources) {
            this.fileCount = files;
            this.resourceCount = resources;
            return this;
        }

        /** An event as producers wrote it before {@link ExportCompleted.Request} existed. */
        public ExportCompletedBuilder withoutRequest() {
            this.withRequest = false;
            return this;
        }

        public ExportCompletedBuilder withLevel(ExportLevel value) {
            this.level = value;
            this.groupId = value == ExportLevel.GROUP ? groupId : null;
            return this;
        }

        public ExportCompletedBuilder withGroupId(String value) {
            this.groupId = value;
            return this;
        }

        public ExportCompletedBuilder withExportType(String value) {
            this.exportType = value;
            return this;
        }

        public ExportCompletedBuilder withTransactionTime(Instant value) {
            this.transactionTime = value;
            return this;
        }

        public ExportCompletedBuilder withSince(Instant value) {
            this.since = value;
            return this;
        }

        public ExportCompletedBuilder withUntil(Instant value) {
            this.until = value;
            return this;
        }

        public ExportCompletedBuilder withPatients(String... values) {
            this.patients = List.of(values);
            return this;
        }

        public ExportCompletedBuilder withTypeParameter(String value) {
            this.typeParameter = value;
            return this;
        }

        public ExportCompletedBuilder withTypeFilterParameter(String value) {
            this.typeFilterParameter = value;
            return this;
        }

        public ExportCompleted build() {
            ExportCompleted.Request request = withRequest ? new ExportCompleted.Request(level, groupId, exportType,
                    transactionTime, since, until, patients, typeParameter, typeFilterParameter) : null;
            return new ExportCompleted(jobId, OCCURRED_AT, CLIENT_ID, fileCount, resourceCount, request);
        }
    }

    /** Builds {@link ExportTaskPlanned}: task 1, Patient, two patients by default. */
    public static final class ExportTaskPlannedBuilder {
        private UUID jobId = JOB_ID;
        private int taskSeq = 1;
        private String clientId = CLIENT_ID;
        private String resourceType = "Patient";
        private List<String> patientIds = List.of("pat-1", "pat-2");
        private Instant since;
        private Instant transactionTime = TRANSACTION_TIME;
        private List<String> typeFilters;

        public ExportTaskPlannedBuilder withTypeFilters(String... values) {
            this.typeFilters = List.of(values);
            return this;
        }

        public ExportTaskPlannedBuilder withJobId(UUID value) {
            this.jobId = value;
            return this;
        }

        public ExportTaskPlannedBuilder withTaskSeq(int value) {
            this.taskSeq = value;
            return this;
        }

        public ExportTaskPlannedBuilder withClientId(String value) {
            this.clientId = value;
            return this;
        }

        public ExportTaskPlannedBuilder withResourceType(String value) {
            this.resourceType = value;
            return this;
        }

        public ExportTaskPlannedBuilder withPatientIds(List<String> value) {
            this.patientIds = value;
            return this;
        }

        public ExportTaskPlannedBuilder withSince(Instant value) {
            this.since = value;
            return this;
        }

        public ExportTaskPlannedBuilder withTransactionTime(Instant value) {
            this.transactionTime = value;
            return this;
        }

        public ExportTaskPlanned build() {
            return new ExportTaskPlanned(jobId, OCCURRED_AT, taskSeq, clientId, resourceType, patientIds, since,
                    transactionTime, null, null, typeFilters, null);
        }
    }

    /** Builds {@link ExportTaskCompleted}: task 1 on worker-1 with no files unless some are added. */
    public static final class ExportTaskCompletedBuilder {
        private UUID jobId = JOB_ID;
        private int taskSeq = 1;
        private String workerId = "worker-1";
        private final List<WrittenFile> files = new ArrayList<>();

        public ExportTaskCompletedBuilder withJobId(UUID value) {
            this.jobId = value;
            return this;
        }

        public ExportTaskCompletedBuilder withTaskSeq(int value) {
            this.taskSeq = value;
            return this;
        }

        public ExportTaskCompletedBuilder withWorkerId(String value) {
            this.workerId = value;
            return this;
        }

        public ExportTaskCompletedBuilder withFile(String resourceType, String fileName, long count, long bytes) {
            files.add(new WrittenFile(resourceType, fileName, count, bytes, ExportFileKind.OUTPUT));
            return this;
        }

        public ExportTaskCompleted build() {
            return new ExportTaskCompleted(jobId, OCCURRED_AT, taskSeq, workerId, files);
        }
    }
}
