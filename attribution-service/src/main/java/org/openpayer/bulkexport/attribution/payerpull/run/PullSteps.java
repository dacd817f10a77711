package org.openpayer.bulkexport.attribution.payerpull.run;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.payerpull.PullDeadline;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.attribution.payerpull.ingest.PullStaging;
import org.openpayer.bulkexport.attribution.payerpull.ingest.StagedImport;
import org.openpayer.bulkexport.attribution.payerpull.remote.ExportGone;
import org.openpayer.bulkexport.attribution.payerpull.remote.ExportManifest;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteExport;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteMember;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteMemberMatch;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteSession;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPull;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPullRepository;
import org.openpayer.bulkexport.attribution.payerpull.task.PullLease;
import org.openpayer.bulkexport.attribution.read.ResourceRepository;

import java.sql.SQLException;

/**
 * The pull itself, step by step ({@link PullStep}): token, the member's id there (given, stored from an earlier match,
 * or $member-match now), the export (kick-off, or the one a previous attempt started, then polling), staging the
 * files, and the import that completes the pull. What each step finds is stored before the next begins, so a pull
 * taken over after a crash resumes where it was instead of matching or exporting again.
 */
@ApplicationScoped
public class PullSteps {

    private static final Logger LOG = Logger.getLogger(PullSteps.class);

    private final PayerPullRepository pulls;
    private final RemoteMembers remoteMembers;
    private final RemoteMemberMatch memberMatch;
    private final RemoteExport export;
    private final PullStaging staging;
    private final StagedImport importer;
    private final ResourceRepository resources;

    public PullSteps(PayerPullRepository pulls, RemoteMembers remoteMembers, RemoteMemberMatch memberMatch,
                     RemoteExport export, PullStaging staging, StagedImport importer, ResourceRepository resources) {
        this.pulls = pulls;
        this.remoteMembers = remoteMembers;
        this.memberMatch = memberMatch;
        this.export = export;
        this.staging = staging;
        this.importer = importer;
        this.resources = resources;
    }

    /** One pull, as its instance holds it. */
    record Running(PayerPull pull, PullLease lease, RemoteSession session, PullDeadline deadline) {
    }

    PullOutcome run(Running running, PullHeartbeat heartbeat) throws SQLException, InterruptedException {
        heartbeat.report(PullStep.TOKEN, null);
        running.session().authenticate();
        RemoteMember member = member(running, heartbeat);
        String statusUrl = running.pull().exportStatusUrl();
        ExportManifest manifest = null;
        if (statusUrl != null) {
            heartbeat.report(PullStep.EXPORT, "resuming the export started before");
            try {
                manifest = export.awaitManifest(running.session(), statusUrl, running.deadline(), heartbeat);
            } catch (ExportGone e) {
                LOG.infof("payer pull %s: %s; exporting again", running.pull().id(), e.getMessage());
            }
        }
        if (manifest == null) {
            heartbeat.report(PullStep.EXPORT, null);
            statusUrl = export.kickOff(running.session(), member.patientId(), running.pull().request().bulk());
            pulls.recordExport(running.lease(), statusUrl);
            manifest = export.awaitManifest(running.session(), statusUrl, running.deadline(), heartbeat);
        }
        heartbeat.report(PullStep.DOWNLOAD, null);
        staging.stage(running.pull().id(), running.session(), manifest, running.deadline(), heartbeat);
        heartbeat.report(PullStep.IMPORT, null);
        PullOutcome outcome = importer.run(new StagedImport.Target(running.lease(), running.session().payer(),
                member.patientId(), running.pull().patientId()), manifest.errorFiles());
        export.release(running.session(), statusUrl);
        return outcome;
    }

    /** The member's Patient id at the old payer: found by an earlier attempt, given, matched now, or stored. */
    private RemoteMember member(Running running, PullHeartbeat heartbeat) throws SQLException, InterruptedException {
        PayerPull pull = running.pull();
        if (pull.remotePatientId() != null) {
            return new RemoteMember(pull.remotePatientId(), pull.remoteMemberIdentifier());
        }
        PullRequest request = pull.request();
        RemoteMember member;
        if (request.remoteMemberId() != null) {
            member = new RemoteMember(request.remoteMemberId(), null);
        } else if (request.match() != null) {
            heartbeat.report(PullStep.MEMBER_MATCH, null);
            String patient = resources.current("Patient", pull.patientId())
                    .filter(row -> !row.latest().deleted()).map(row -> row.latest().content())
                    .orElseThrow(() -> new PullFailure(PullStep.MEMBER_MATCH, "Patient/" + pull.patientId()
                            + " was deleted here, so there is no member to match."));
            member = memberMatch.match(running.session(), patient, request.match());
            remoteMembers.remember(pull.remotePayerId(), pull.patientId(), member);
        } else {
            member = remoteMembers.find(pull.remotePayerId(), pull.patientId()).orElseThrow(() -> new PullFailure(
                    PullStep.MEMBER_MATCH, "The member's id at " + running.session().payer().name() + " is not "
                    + "known: no earlier pull matched them there. Start the pull with CoverageToMatch, "
                    + "CoverageToLink and Consent (to run $member-match), or with remoteMemberId."));
        }
        pulls.recordRemoteMember(running.lease(), member.patientId(), member.memberIdentifier());
        return member;
    }
}
