package org.openpayer.bulkexport.export.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.openpayer.bulkexport.model.event.WrittenFile;
import org.openpayer.bulkexport.model.storage.ExportFileKind;

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

    /** The manifest list it is in. */
    @Enumerated(EnumType.STRING)
    public ExportFileKind kind;

    static ExportFile of(UUID jobId, int taskSeq, WrittenFile written) {
        ExportFile file = new ExportFile();
        file.key = new Key(jobId, written.fileName());
        file.resourceType = written.resourceType();
        file.taskSeq = taskSeq;
        file.resourceCount = written.resourceCount();
        file.byteCount = written.byteCount();
        file.kind = written.kind();
        return file;
    }

    /** Job and file name. */
    @Embeddable
    public record Key(@Column(name = "job_id") UUID jobId, @Column(name = "file_name") String fileName)
            implements Serializable {
    }
}
