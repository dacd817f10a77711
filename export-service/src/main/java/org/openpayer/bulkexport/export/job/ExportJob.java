package org.openpayer.bulkexport.export.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openpayer.bulkexport.model.event.ExportLevel;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One client's export request and its progress. Only {@link JobLifecycle} changes it. */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The client that started it: the only one that may see its status and files. */
    @Column(name = "client_id")
    public String clientId;

    @Enumerated(EnumType.STRING)
    public JobStatus status;

    @Enumerated(EnumType.STRING)
    public ExportLevel level;

    @Column(name = "group_id")
    public String groupId;

    /** Comma-separated resource types to export. */
    @Column(name = "resource_types")
    public String resourceTypes;

    public Instant since;

    /** {@code _until}: only resources changed before it, or {@code null}. */
    @Column(name = "until_time")
    public Instant until;

    @Column(name = "transaction_time")
    public Instant transactionTime;

    /** The kick-off URL as the client called it, for the manifest's {@code request}. */
    @Column(name = "request_url")
    public String requestUrl;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** How many tasks the planner made; {@code null} while planning. */
    @Column(name = "task_count")
    public Integer taskCount;

    /** The planner holding the job's planning lease ({@link PlanningLease}), and when it last made progress. */
    @Column(name = "planner_id")
    public String plannerId;

    @Column(name = "planner_seen_at")
    public Instant plannerSeenAt;

    @Column(name = "tasks_done")
    public int tasksDone;

    @Column(name = "failure_reason")
    public String failureReason;

    /** When the client last asked for the status while the job ran: polling faster than allowed is a 429. */
    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    /** {@code _elements}, kept so a task can be published again; {@code null} for none. */
    public String[] elements;

    /** {@code _typeFilter} queries as {@code Type?query}, kept so a task can be published again. */
    @Column(name = "type_filters")
    public String[] typeFilters;

    /** {@code $davinci-data-export}'s export type code, or {@code null} for Bulk Data. */
    @Column(name = "export_type")
    public String exportType;

    /** The {@code patient} parameter's Patient ids, or {@code null} for the whole population. */
    public String[] patients;

    /** {@code _type} exactly as the client gave it, or {@code null}: reported on completion for PDex's bookkeeping. */
    @Column(name = "type_parameter")
    public String typeParameter;

    /** {@code _typeFilter} exactly as the client gave it, or {@code null}; reported like {@link #typeParameter}. */
    @Column(name = "type_filter_parameter")
    public String typeFilterParameter;

    public List<String> resourceTypeList() {
        return Arrays.asList(resourceTypes.split(","));
    }

    public boolean allTasksDone() {
        return taskCount != null && tasksDone >= taskCount;
    }
}
