package org.openpayer.bulkexport.attribution.download;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.event.AttributionEvents;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.load.StoredResourceFhirMapper;
import org.openpayer.bulkexport.attribution.roster.MemberDownloads;
import org.openpayer.bulkexport.attribution.roster.operation.LockedGroup;
import org.openpayer.bulkexport.attribution.store.ResourceStore;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PDex 2.1's provider-download bookkeeping: after a provider-download export, every member it sent records
 * lastTransmitted, lastResources and lastFilters, in one new Group version. One transaction per job: the job is
 * claimed in {@code provider_download} (so a redelivered event finds it there and changes nothing), the Group's row is
 * locked (so the version is made after, never between, other writes of the Group), the members sent are found in SQL
 * from the Group version the export served, and only if any of them moves forward is a version written and announced
 * on attribution-list-changed, like every other Group version.
 */
@ApplicationScoped
public class ProviderDownloadService {

    /** The cause of the version on attribution-list-changed. */
    static final String CAUSE = "provider-download";
    private static final String CLAIM = """
            insert into attribution.provider_download (job_id, group_id, booked_at) values (?, ?, now())
            on conflict (job_id) do nothing""";
    private static final String RECORD_VERSION =
            "update attribution.provider_download set group_version = ? where job_id = ?";

    private final JdbcTransaction transaction;
    private final FhirJson fhir;
    private final StoredResourceFhirMapper mapper;
    private final ResourceStore store;
    private final MemberDownloads members;
    private final AttributionEvents events;

    public ProviderDownloadService(JdbcTransaction transaction, FhirJson fhir, StoredResourceFhirMapper mapper,
                                   ResourceStore store, MemberDownloads members, AttributionEvents events) {
        this.transaction = transaction;
        this.fhir = fhir;
        this.mapper = mapper;
        this.store = store;
        this.members = members;
        this.events = events;
    }

    /**
     * Books one download.
     *
     * @return the Group version made, or empty when none was: the job was booked before, the Group is gone, or no
     *         member sent moves forward (all left, opted out, or hold a later download already)
     */
    OptionalLong book(ProviderDownload download) throws SQLException {
        return transaction.run(connection -> {
            if (!claim(connection, download)) {
                return OptionalLong.empty();
            }
            Optional<LockedGroup> group = LockedGroup.lock(connection, fhir, download.groupId());
            OptionalLong served = group.isEmpty() ? OptionalLong.empty()
                    : members.versionAt(connection, download.groupId(), download.transactionTime());
            if (served.isEmpty()) {
                return OptionalLong.empty();
            }
            MemberDownloads.Sent sent = new MemberDownloads.Sent(download.groupId(), served.getAsLong(),
                    download.patients(), download.download());
            if (members.stage(connection, sent) == 0) {
                return OptionalLong.empty();
            }
            ResourceStore.Stored version = store.write(connection, List.of(mapper.fromFhir(group.get().group())))
                    .get(0);
            members.book(connection, sent, version.versionId());
            events.listChanged(connection, download.groupId(), version.versionId(), version.lastUpdated(), CAUSE,
                    group.get().listStatus(), List.of());
            recordVersion(connection, download, version.versionId());
            return OptionalLong.of(version.versionId());
        });
    }

    /** False when the job was booked already (or is being booked by a concurrent delivery, which then wins). */
    private static boolean claim(Connection connection, ProviderDownload download) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setObject(1, download.jobId());
            claim.setString(2, download.groupId());
            return claim.executeUpdate() == 1;
        }
    }

    private static void recordVersion(Connection connection, ProviderDownload download, long version)
            throws SQLException {
        try (PreparedStatement record = connection.prepareStatement(RECORD_VERSION)) {
            record.setLong(1, version);
            record.setObject(2, download.jobId());
            record.executeUpdate();
        }
    }
}
