package org.openpayer.bulkexport.export.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One NDJSON file of a job, as the manifest lists it. */
@Entity
@Table(name = "export_file")
public class ExportFile extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "task_seq")
    public int taskSeq;

    @Column(name = "resource_count")
    public long resourceCount;

    @Column(name = "byte_count")
    public long byteCount;

    /** Job and file name. */
    @Embeddable
    public record Key(@Column(name = "job_id") UUID jobId, @Column(name = "file_name") String fileName)
            implements Serializable {
    }
}
