package org.openpayer.bulkexport.attribution.payerpull.ingest;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Points a pulled resource's references at what they mean here: the member's Patient there becomes our member, a
 * resource this pull brings becomes its imported copy, and anything else there (their Practitioner, their payer
 * Organization, another patient) becomes an absolute URL on their server, never a relative reference that would
 * silently name an unrelated resource of ours. Contained ({@code #}), {@code urn:} and other servers' references stay.
 */
final class ReferenceRewriter {

    private ReferenceRewriter() {
    }

    static void rewrite(FhirContext context, Resource resource, ImportScope scope) {
        for (Reference reference : context.newTerser().getAllPopulatedChildElementsOfType(resource,
                Reference.class)) {
            if (reference.hasReference()) {
                reference.setReference(rewrite(reference.getReference(), scope));
            }
        }
    }

    static String rewrite(String reference, ImportScope scope) {
        if (reference.startsWith("#") || reference.startsWith("urn:")) {
            return reference;
        }
        IdType id = new IdType(reference);
        if (id.hasBaseUrl() && !id.getBaseUrl().equals(scope.remoteBase())) {
            return reference;
        }
        String type = id.getResourceType();
        String remoteId = id.getIdPart();
        if (type == null || remoteId == null) {
            return reference;
        }
        if ("Patient".equals(type) && remoteId.equals(scope.remotePatientId())) {
            return "Patient/" + scope.patientId();
        }
        if (scope.staged().contains(type + "/" + remoteId)) {
            return type + "/" + scope.localId(type, remoteId);
        }
        return scope.remoteUrl(type, remoteId);
    }
}
