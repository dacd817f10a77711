package org.openpayer.bulkexport.export.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One resource type for one batch of a job's patients, as planned and as a worker reported it. */
@Entity
@Table(name = "export_task")
public class ExportTask extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "patient_count")
    public int patientCount;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The batch of patients it exports ({@link ExportBatch}); 0 for a task exporting a whole type. */
    @Column(name = "batch_seq")
    public int batchSeq;

    /** The Group a whole-type task at Group level is about (the Group itself, or its attributed providers). */
    @Column(name = "group_id")
    public String groupId;

    /** How often the supervisor published it again after it went unreported for too long. */
    public int attempts;

    /**
     * When the broker acknowledged the task's latest publication; {@code null} from the moment it is to be sent (its
     * release, or a retry) until then. A task released but never confirmed was lost with the instance that was to send
     * it, and the supervisor sends it again within seconds rather than after the task timeout.
     */
    @Column(name = "published_at")
    public Instant publishedAt;

    /** Marks the task to be sent (again) now: unconfirmed until the broker has it. */
    void toBeSent() {
        status = TaskStatus.PLANNED;
        updatedAt = Instant.now();
        publishedAt = null;
    }

    /** Job and sequence number. */
    @Embeddable
    public record Key(@Column(name = "job_id") UUID jobId, @Column(name = "seq") int seq) implements Serializable {
    }
}
