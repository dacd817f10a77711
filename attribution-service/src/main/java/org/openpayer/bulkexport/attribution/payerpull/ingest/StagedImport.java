package org.openpayer.bulkexport.attribution.payerpull.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayer;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPullRepository;
import org.openpayer.bulkexport.attribution.payerpull.task.PullLease;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;
import org.openpayer.bulkexport.attribution.write.ResourceBatchWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a pull's staged resources in one transaction, which also completes the pull: either all of them are stored
 * (through {@link ResourceBatchWriter}, like every write, so search index and history stay right) with their
 * Provenance and the Task completed, or nothing changes and the pull fails. Under an advisory lock per payer and
 * member, so two pulls of the same member never interleave. Resources the old payer sends again unchanged are not
 * written; resources it lists as deleted are deleted here if a pull from it stored them.
 */
@ApplicationScoped
public class StagedImport {

    private static final int BATCH = 200;
    private static final String STAGED_PAGE = """
            select distinct on (resource_type, remote_id) resource_type, remote_id, content
            from attribution.payer_pull_staged
            where pull_id = ? and deleted = ? and (resource_type, remote_id) > (?, ?)
            order by resource_type, remote_id, seq desc
            limit ?""";

    private final JdbcTransaction transaction;
    private final PayerPullRepository pulls;
    private final PulledResourceFhirMapper mapper;
    private final ResourceBatchWriter writer;
    private final ImportLedger ledger;
    private final PullProvenance provenance;

    public StagedImport(JdbcTransaction transaction, PayerPullRepository pulls, PulledResourceFhirMapper mapper,
                        ResourceBatchWriter writer, ImportLedger ledger, PullProvenance provenance) {
        this.transaction = transaction;
        this.pulls = pulls;
        this.mapper = mapper;
        this.writer = writer;
        this.ledger = ledger;
        this.provenance = provenance;
    }

    /**
     * What an import needs besides the staged rows.
     *
     * @param lease            the pull, as this instance holds it
     * @param payer            the old payer
     * @param remotePatientId  the member's Patient id there
     * @param patientId        our member
     */
    public record Target(PullLease lease, RemotePayer payer, String remotePatientId, String patientId) {
    }

    public PullOutcome run(Target target, int remoteErrorFiles) throws SQLException {
        return transaction.run(connection -> {
            pulls.lock(connection, target.lease());
            lockMember(connection, target);
            ImportScope scope = new ImportScope(target.payer().id(), target.payer().fhirBaseUrl(),
                    target.remotePatientId(), target.patientId(), stagedKeys(connection, target));
            ImportCounts counts = new ImportCounts();
            List<String> stored = new ArrayList<>();
            for (List<StagedRow> page = page(connection, target, false, null); !page.isEmpty();
                 page = page(connection, target, false, page.get(page.size() - 1))) {
                stored.addAll(store(connection, target, scope, page, counts));
            }
            for (List<StagedRow> page = page(connection, target, true, null); !page.isEmpty();
                 page = page(connection, target, true, page.get(page.size() - 1))) {
                delete(connection, target, scope, page, counts);
            }
            String provenanceId = null;
            if (!stored.isEmpty()) {
                ResourceWrite record = provenance.of(target.lease().pullId(), scope, target.payer(), stored);
                writer.write(connection, List.of(record));
                provenanceId = record.id();
            }
            PullOutcome outcome = counts.outcome(provenanceId, remoteErrorFiles);
            pulls.complete(connection, target.lease(), outcome);
            try (PreparedStatement staged = connection.prepareStatement(
                    "delete from attribution.payer_pull_staged where pull_id = ?")) {
                staged.setObject(1, target.lease().pullId());
                staged.executeUpdate();
            }
            return outcome;
        });
    }

    /** Stores one page; returns the {@code Type/id} of what it wrote. */
    private List<String> store(Connection connection, Target target, ImportScope scope, List<StagedRow> page,
                               ImportCounts counts) throws SQLException {
        List<PulledResourceFhirMapper.Pulled> pulled = new ArrayList<>();
        for (StagedRow row : page) {
            PulledResourceFhirMapper.Mapped mapped = mapper.fromFhir(row.type(), row.remoteId(), row.content(), scope);
            if (mapped.pulled() == null) {
                counts.skipped(row.type(), mapped.skipReason());
            } else {
                pulled.add(mapped.pulled());
            }
        }
        List<ImportLedger.Entry> entries = pulled.stream().map(resource -> new ImportLedger.Entry(
                resource.write().resourceType(), resource.write().id(), resource.remoteId(), resource.contentHash()))
                .toList();
        Map<String, String> current = ledger.currentHashes(connection, entries);
        List<ResourceWrite> changed = new ArrayList<>();
        List<ImportLedger.Entry> changedEntries = new ArrayList<>();
        for (int i = 0; i < pulled.size(); i++) {
            ResourceWrite write = pulled.get(i).write();
            if (entries.get(i).contentHash().equals(current.get(write.key()))) {
                counts.unchanged(write.resourceType());
            } else {
                changed.add(write);
                changedEntries.add(entries.get(i));
                counts.imported(write.resourceType());
            }
        }
        if (!changed.isEmpty()) {
            writer.write(connection, changed);
            ledger.record(connection, target.payer().id(), target.lease().pullId(), changedEntries);
        }
        return changed.stream().map(ResourceWrite::key).toList();
    }

    private void delete(Connection connection, Target target, ImportScope scope, List<StagedRow> page,
                        ImportCounts counts) throws SQLException {
        for (StagedRow row : page) {
            String id = scope.localId(row.type(), row.remoteId());
            if (ledger.importedFrom(connection, row.type(), id, target.payer().id())
                    && writer.delete(connection, row.type(), id).isPresent()) {
                counts.deleted(row.type());
            }
        }
    }

    private static void lockMember(Connection connection, Target target) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "payer-pull:" + target.payer().id() + ":" + target.patientId());
            lock.executeQuery().close();
        }
    }

    private static Set<String> stagedKeys(Connection connection, Target target) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("select distinct resource_type, remote_id "
                + "from attribution.payer_pull_staged where pull_id = ? and not deleted")) {
            statement.setObject(1, target.lease().pullId());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    keys.add(row.getString(1) + "/" + row.getString(2));
                }
            }
        }
        return keys;
    }

    /** The next page of distinct staged resources after {@code after} (the latest line of each wins). */
    private static List<StagedRow> page(Connection connection, Target target, boolean deleted, StagedRow after)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STAGED_PAGE)) {
            statement.setObject(1, target.lease().pullId());
            statement.setBoolean(2, deleted);
            statement.setString(3, after == null ? "" : after.type());
            statement.setString(4, after == null ? "" : after.remoteId());
            statement.setInt(5, BATCH);
            List<StagedRow> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new StagedRow(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
            return rows;
        }
    }

    private record StagedRow(String type, String remoteId, String content) {
    }
}
