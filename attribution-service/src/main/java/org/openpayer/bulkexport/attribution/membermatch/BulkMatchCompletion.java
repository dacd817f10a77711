package org.openpayer.bulkexport.attribution.membermatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Group;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.load.StoredResourceFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupMember;
import org.openpayer.bulkexport.attribution.store.ResourceStore;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;
import org.openpayer.bulkexport.attribution.write.ResourceBatchWriter;
import org.openpayer.bulkexport.model.fhir.atr.ChangeType;
import org.openpayer.bulkexport.model.fhir.atr.ServedGroup;
import org.openpayer.bulkexport.model.fhir.atr.ServedMember;
import org.openpayer.bulkexport.model.fhir.hrex.MultiMemberMatchResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Completes a {@code $bulk-member-match} job once every member is decided, in one transaction under the job's row
 * lock: the Group of matched members is stored (a Group like any other, readable and exportable by the requesting
 * client alone, see {@code MatchGroups}) under the id its matches already name, and the result the status answers
 * with is stored on the job. Either both happen or neither, so a job is completed exactly once.
 */
@ApplicationScoped
public class BulkMatchCompletion {

    private static final Logger LOG = Logger.getLogger(BulkMatchCompletion.class);

    private final JdbcTransaction transaction;
    private final BulkMatchQueue queue;
    private final BulkMatchFhirMapper mapper;
    private final StoredResourceFhirMapper storedMapper;
    private final ResourceBatchWriter writer;
    private final GroupFhirMapper groupMapper;
    private final FhirJson fhir;

    public BulkMatchCompletion(JdbcTransaction transaction, BulkMatchQueue queue, BulkMatchFhirMapper mapper,
                               StoredResourceFhirMapper storedMapper, ResourceBatchWriter writer,
                               GroupFhirMapper groupMapper, FhirJson fhir) {
        this.groupMapper = groupMapper;
        this.transaction = transaction;
        this.queue = queue;
        this.mapper = mapper;
        this.storedMapper = storedMapper;
        this.writer = writer;
        this.fhir = fhir;
    }

    /**
     * Completes the oldest job ready for it, if any. A job that cannot be completed (a defect) fails with a reason
     * rather than being tried for ever.
     *
     * @return false when no job was ready
     */
    boolean completeNext() throws SQLException {
        AtomicReference<BulkMatchQueue.CompletableJob> locked = new AtomicReference<>();
        try {
            return transaction.run(connection -> {
                Optional<BulkMatchQueue.CompletableJob> job = queue.lockCompletable(connection);
                if (job.isEmpty()) {
                    return false;
                }
                locked.set(job.get());
                complete(connection, job.get());
                return true;
            });
        } catch (RuntimeException e) {
            if (locked.get() == null) {
                throw e;
            }
            LOG.errorf(e, "bulk member-match %s cannot be completed", locked.get().id());
            transaction.run(connection -> {
                queue.fail(connection, locked.get().id(), "The result could not be built.");
                return null;
            });
            return true;
        }
    }

    private void complete(Connection connection, BulkMatchQueue.CompletableJob job) throws SQLException {
        List<BulkMatchQueue.DecidedMember> members = queue.members(connection, job.id());
        Group matched = mapper.matched(job, members, Instant.now());
        List<GroupMember> listed = groupMapper.fromFhir(fhir.compactWriter()
                .encodeResourceToString(matched)).members();
        ResourceStore.Stored stored = writer.writeMatchGroup(connection, storedMapper.fromFhir(matched),
                job.clientId());
        String result = mapper.result(served(stored, listed),
                mapper.unmatched(MultiMemberMatchResult.NOT_MATCHED, job, members),
                mapper.unmatched(MultiMemberMatchResult.CONSENT_CONSTRAINED, job, members));
        queue.complete(connection, job.id(), result);
        LOG.infof("bulk member-match %s completed: Group/%s with %d members", job.id(), job.matchGroupId(),
                listed.size());
    }

    /** The stored Group with its members, exactly as {@code GET /Group/{id}} serves this first version. */
    private static String served(ResourceStore.Stored stored, List<GroupMember> members) {
        StringWriter json = new StringWriter();
        try {
            ServedGroup.write(json, stored.content(), sink -> {
                for (GroupMember member : members) {
                    sink.accept(ServedMember.render(new ServedMember.Row(member.content(), stored.versionId(),
                            ChangeType.NEW.code(), null), stored.versionId()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return json.toString();
    }
}
