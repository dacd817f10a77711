package org.openpayer.bulkexport.attribution.roster.operation;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;

import java.time.Instant;

/**
 * A Group's own element (no members), read under a row lock for the rest of the transaction, so operations on one
 * Group apply one after the other and none builds on a stale list status.
 *
 * @param group       the Group without members, parsed
 * @param versionId   its current version
 * @param lastUpdated that version's time
 */
record LockedGroup(Group group, long versionId, Instant lastUpdated) {

    /** ATR list status: draft, open or final; a Group without one is open. */
    String listStatus() {
        Extension status = group.getExtensionByUrl(AtrVocabulary.ATTRIBUTION_LIST_STATUS);
        return status == null || status.getValue() == null ? "open" : status.getValue().primitiveValue();
    }

    boolean isFinal() {
        return "final".equals(listStatus());
    }

    void setListStatus(String code) {
        group.getExtension().removeIf(extension -> AtrVocabulary.ATTRIBUTION_LIST_STATUS.equals(extension.getUrl()));
        group.addExtension(AtrVocabulary.ATTRIBUTION_LIST_STATUS, new CodeType(code));
    }
}
