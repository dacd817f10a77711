package org.openpayer.bulkexport.attribution.payerpull.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.attribution.load.StoredResourceFhirMapper;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayer;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;
import org.openpayer.bulkexport.model.fhir.pull.PayerPullVocabulary;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The Provenance of one pull: every resource it stored is a target; the old payer is the agent that sent them
 * (US Core {@code transmitter}, by its registered identifier), and the member's record there is the source entity.
 * It belongs to the member's compartment, so whoever may read the member's data reads where it came from, and
 * exports with Provenance carry it.
 */
@ApplicationScoped
public class PullProvenance {

    private final StoredResourceFhirMapper storedMapper;

    public PullProvenance(StoredResourceFhirMapper storedMapper) {
        this.storedMapper = storedMapper;
    }

    /** The id of pull {@code pullId}'s Provenance. */
    static String id(UUID pullId) {
        return "p2p-" + pullId;
    }

    ResourceWrite of(UUID pullId, ImportScope scope, RemotePayer payer, List<String> targets) {
        Provenance provenance = new Provenance();
        provenance.setId("Provenance/" + id(pullId));
        targets.forEach(target -> provenance.addTarget(new Reference(target)));
        provenance.setRecorded(new Date());
        Reference sender = new Reference().setDisplay(payer.name());
        if (!payer.identifiers().isEmpty()) {
            String identifier = payer.identifiers().get(0);
            int bar = identifier.indexOf('|');
            sender.setIdentifier(new Identifier().setSystem(identifier.substring(0, bar))
                    .setValue(identifier.substring(bar + 1)));
        }
        provenance.addAgent().setWho(sender).getType().addCoding()
                .setSystem(PayerPullVocabulary.US_CORE_PROVENANCE_PARTICIPANT_TYPES)
                .setCode(PayerPullVocabulary.TRANSMITTER);
        provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference(scope.remoteUrl("Patient", scope.remotePatientId()))
                        .setDisplay("The member's record at " + payer.name()));
        ResourceWrite write = storedMapper.fromFhir(provenance);
        return new ResourceWrite(write.resourceType(), write.id(), scope.patientId(), write.content(),
                write.searchValues(), write.groupMembers());
    }
}
