package org.openpayer.bulkexport.attribution.payerpull.task;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayer;
import org.openpayer.bulkexport.model.fhir.ExportParameter;
import org.openpayer.bulkexport.model.fhir.pull.PayerPullVocabulary;
import org.openpayer.bulkexport.model.fhir.pull.PullOutput;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * A pull as the FHIR Task its owner reads: status, the step it is at ({@code businessStatus}) or failed at
 * ({@code statusReason}, with the reason as text), its inputs, and its outputs: the member at the old payer, and per
 * resource type what was imported, unchanged, deleted or skipped, with the Provenance written.
 */
@ApplicationScoped
public class PayerPullTaskFhirMapper {

    private final FhirJson fhir;

    public PayerPullTaskFhirMapper(FhirJson fhir) {
        this.fhir = fhir;
    }

    public String toFhir(PayerPull pull, RemotePayer payer) {
        Task task = new Task();
        task.setId(pull.id().toString());
        task.getMeta().setLastUpdated(date(pull.times().updated()));
        task.setStatus(Task.TaskStatus.fromCode(pull.status().code()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(concept(PayerPullVocabulary.TASK_CODE, "Payer-to-payer pull of a member's data from "
                + payer.name()));
        task.setFor(new Reference("Patient/" + pull.patientId()));
        task.setAuthoredOn(date(pull.times().created()));
        task.setLastModified(date(pull.times().updated()));
        task.getRequester().setDisplay("SMART client " + pull.clientId());
        if (pull.times().started() != null) {
            task.getExecutionPeriod().setStart(date(pull.times().started())).setEnd(date(pull.times().finished()));
        }
        if (pull.status() == PullStatus.IN_PROGRESS && pull.step() != null) {
            task.setBusinessStatus(concept(pull.step().code(), pull.step().description()
                    + (pull.progress() == null ? "" : ": " + pull.progress())));
        }
        if (pull.status() == PullStatus.FAILED) {
            task.setStatusReason(concept(pull.step().code(), pull.statusReason()));
        }
        inputs(task, pull, payer);
        outputs(task, pull, payer);
        return fhir.compactWriter().encodeResourceToString(task);
    }

    private static void inputs(Task task, PayerPull pull, RemotePayer payer) {
        input(task, PayerPullVocabulary.REMOTE_PAYER, payer.name(), new StringType(payer.id().toString()));
        PullRequest request = pull.request();
        if (request.remoteMemberId() != null) {
            input(task, PayerPullVocabulary.REMOTE_MEMBER_ID, null, new StringType(request.remoteMemberId()));
        }
        if (request.bulk().type() != null) {
            input(task, ExportParameter.TYPE.wireName(), null, new StringType(request.bulk().type()));
        }
        if (request.bulk().since() != null) {
            input(task, ExportParameter.SINCE.wireName(), null, new InstantType(request.bulk().since()));
        }
        for (String filter : request.bulk().typeFilters()) {
            input(task, ExportParameter.TYPE_FILTER.wireName(), null, new StringType(filter));
        }
    }

    private static void outputs(Task task, PayerPull pull, RemotePayer payer) {
        if (pull.remotePatientId() != null) {
            output(task, PullOutput.REMOTE_MEMBER, null,
                    new Reference(payer.fhirBaseUrl() + "/Patient/" + pull.remotePatientId()));
        }
        if (pull.remoteMemberIdentifier() != null) {
            int bar = pull.remoteMemberIdentifier().indexOf('|');
            output(task, PullOutput.MEMBER_IDENTIFIER, null, new Identifier()
                    .setSystem(pull.remoteMemberIdentifier().substring(0, bar))
                    .setValue(pull.remoteMemberIdentifier().substring(bar + 1)));
        }
        PullOutcome outcome = pull.outcome();
        if (outcome == null) {
            return;
        }
        counts(task, PullOutput.IMPORTED, outcome.imported());
        counts(task, PullOutput.UNCHANGED, outcome.unchanged());
        counts(task, PullOutput.DELETED, outcome.deleted());
        counts(task, PullOutput.SKIPPED, outcome.skipped());
        if (outcome.provenanceId() != null) {
            output(task, PullOutput.PROVENANCE, null, new Reference("Provenance/" + outcome.provenanceId()));
        }
        if (outcome.remoteErrorFiles() > 0) {
            output(task, PullOutput.REMOTE_ERROR_FILES, null, new UnsignedIntType(outcome.remoteErrorFiles()));
        }
    }

    private static void counts(Task task, PullOutput kind, Map<String, Integer> byType) {
        byType.forEach((type, count) -> output(task, kind, type, new UnsignedIntType(count)));
    }

    private static void input(Task task, String code, String text, Type value) {
        task.addInput().setType(concept(code, text)).setValue(value);
    }

    private static void output(Task task, PullOutput kind, String text, Type value) {
        task.addOutput().setType(concept(kind.code(), text)).setValue(value);
    }

    private static CodeableConcept concept(String code, String text) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(PayerPullVocabulary.CODES).setCode(code);
        return concept.setText(text);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
