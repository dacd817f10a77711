package org.openpayer.bulkexport.attribution.payerpull.ingest;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.load.StoredResourceFhirMapper;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;
import org.openpayer.bulkexport.attribution.write.RequiredElements;
import org.openpayer.bulkexport.model.fhir.ResourceType;

import java.util.List;
import java.util.Map;

/**
 * Maps one resource the old payer sent to the write that stores it here, or to the reason it is not stored. It is
 * parsed and checked as strictly as any write (a resource we cannot store fails the whole pull: nothing is
 * half-imported), its references are rewritten ({@link ReferenceRewriter}), it gets our deterministic id, and
 * {@code meta.source} names its URL there; everything else stays as sent. Member data must be the member's: a
 * resource in another patient's compartment fails the pull.
 */
@ApplicationScoped
public class PulledResourceFhirMapper {

    /** Types never imported, and why (Task output "skipped"). */
    static final Map<String, String> NOT_IMPORTED = Map.of(
            "Group", "the old payer's Groups are its own lists",
            "Consent", "Consents record the member's decisions with the old payer, which do not bind us");
    static final String MEMBER_PATIENT = "the member's own Patient record here is kept";
    static final String NOT_STORED = "not a type this server stores";

    /** A resource to store, with the hash of its content (without the server's version and time). */
    record Pulled(String remoteId, ResourceWrite write, String contentHash) {
    }

    /** What one staged line becomes: exactly one of a write and a reason to skip it. */
    record Mapped(Pulled pulled, String skipReason) {
    }

    private final FhirJson fhir;
    private final StoredResourceFhirMapper storedMapper;
    private final RequiredElements requiredElements;

    public PulledResourceFhirMapper(FhirJson fhir, StoredResourceFhirMapper storedMapper,
                                    RequiredElements requiredElements) {
        this.fhir = fhir;
        this.storedMapper = storedMapper;
        this.requiredElements = requiredElements;
    }

    Mapped fromFhir(String type, String remoteId, String json, ImportScope scope) {
        if (NOT_IMPORTED.containsKey(type)) {
            return new Mapped(null, NOT_IMPORTED.get(type));
        }
        if (ResourceType.byName(type).isEmpty()) {
            return new Mapped(null, NOT_STORED);
        }
        if ("Patient".equals(type)) {
            if (!remoteId.equals(scope.remotePatientId())) {
                throw anotherPatients(type, remoteId, remoteId);
            }
            return new Mapped(null, MEMBER_PATIENT);
        }
        Resource resource = parse(type, remoteId, json);
        ReferenceRewriter.rewrite(fhir.context(), resource, scope);
        resource.setId(type + "/" + scope.localId(type, remoteId));
        resource.getMeta().setVersionId(null).setLastUpdated(null).setSource(scope.remoteUrl(type, remoteId));
        String content = fhir.compactWriter().encodeResourceToString(resource);
        ResourceWrite write = storedMapper.fromFhir(resource);
        boolean memberData = ResourceType.byName(type).orElseThrow().inPatientCompartment();
        if (memberData && write.patientId() != null && !write.patientId().equals(scope.patientId())) {
            throw anotherPatients(type, remoteId, write.patientId());
        }
        String patientId = memberData ? scope.patientId() : null;
        return new Mapped(new Pulled(remoteId, new ResourceWrite(type, write.id(), patientId, write.content(),
                write.searchValues(), write.groupMembers()), ImportScope.sha256(content)), null);
    }

    private Resource parse(String type, String remoteId, String json) {
        Resource resource;
        try {
            resource = (Resource) fhir.strictParser().parseResource(json);
        } catch (DataFormatException | ClassCastException e) {
            throw invalid(type, remoteId, "it is not valid FHIR R4 (" + e.getMessage() + ")");
        }
        List<String> missing = requiredElements.missing(resource);
        if (!missing.isEmpty()) {
            throw invalid(type, remoteId, "required elements are missing: " + String.join(", ", missing));
        }
        return resource;
    }

    private static PullFailure invalid(String type, String remoteId, String why) {
        return new PullFailure(PullStep.IMPORT, type + "/" + remoteId + " from the old payer cannot be stored: "
                + why + ". Nothing was imported.");
    }

    private static PullFailure anotherPatients(String type, String remoteId, String patient) {
        return new PullFailure(PullStep.IMPORT, type + "/" + remoteId + " from the old payer belongs to another "
                + "patient (" + patient + "), not the member; nothing was imported.");
    }
}
