package org.openpayer.bulkexport.export.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/**
 * One keyset batch of a job's population, as planned: the patients every task of the batch exports. Kept once per
 * batch (not per task) so a task the supervisor publishes again exports exactly the patients it was planned with.
 */
@Entity
@Table(name = "export_batch")
public class ExportBatch extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "patient_ids")
    public String[] patientIds;

    /** Job and batch number; batch 0 holds the named patients (or none) of tasks that export a whole type. */
    @Embeddable
    public record Key(@Column(name = "job_id") UUID jobId, @Column(name = "batch_seq") int batchSeq)
            implements Serializable {
    }
}
