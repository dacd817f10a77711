package org.openpayer.bulkexport.export.roster;

import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.ExportRequested;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;

import java.util.List;

/**
 * Whose compartments an export covers: the active, not opted-out members of one Group (group level) or of every
 * Group a token grants (patient and system level), narrowed to the {@code patient} parameter's list when given; for
 * a payer-to-payer export, the members of a Group of matched members whose Consent is in force.
 *
 * @param groupId                 the Group, at group level; otherwise {@code null}
 * @param grantedGroupIds         the granted Group ids, at patient and system level; otherwise {@code null}
 * @param grantedGroupIdentifiers the granted Group identifiers ({@code system|value}); otherwise {@code null}
 * @param onlyPatients            the {@code patient} parameter's Patient ids, or {@code null} for everyone
 * @param payerToPayerClient      a payer-to-payer export of a Group of matched members: the client whose members'
 *                                Consents govern (members whose Consent is not in force are left out, and
 *                                provider access opt-outs do not apply); {@code null} otherwise
 */
public record Population(String groupId, List<String> grantedGroupIds, List<String> grantedGroupIdentifiers,
                         List<String> onlyPatients, String payerToPayerClient) {

    public static Population of(ExportRequested request) {
        if (request.level() != ExportLevel.GROUP) {
            return new Population(null, request.grantedGroupIds(), request.grantedGroupIdentifiers(),
                    request.patients(), null);
        }
        boolean payerToPayer = DaVinciExportType.PAYER_TO_PAYER.code().equals(request.exportType());
        return new Population(request.groupId(), null, null, request.patients(),
                payerToPayer ? request.clientId() : null);
    }
}
