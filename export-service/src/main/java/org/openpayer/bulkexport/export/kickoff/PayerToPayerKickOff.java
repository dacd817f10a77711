package org.openpayer.bulkexport.export.kickoff;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.export.roster.MemberDataReader;
import org.openpayer.bulkexport.export.roster.Population;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.RequestingPayer;

import java.sql.SQLException;
import java.util.List;

/**
 * The kick-off rules of PDex's payer-to-payer export ({@code $davinci-data-export}, exportType
 * {@code hl7.fhir.us.davinci-pdex#payertopayer}): it exports a Group of matched members ({@code $bulk-member-match})
 * and nothing else, and such a Group is exported in no other way, since only this export applies the members'
 * Consents; only its owner reaches it at all (checked with the Group); the caller must be a payer's client; and an
 * export under a Consent that is no longer in force (revoked, expired, or not naming the caller's payer as recipient)
 * is refused with 422 naming those members, so the client can resend for the others ({@code patient}) or match them
 * again with a current Consent. Consents that lapse after the kick-off are applied again when the job runs.
 */
@ApplicationScoped
class PayerToPayerKickOff {

    /** Members named in one refusal, at most. */
    private static final int MAX_NAMED = 10;

    private final MemberDataReader memberData;
    private final JsonWebToken token;

    PayerToPayerKickOff(MemberDataReader memberData, JsonWebToken token) {
        this.memberData = memberData;
        this.token = token;
    }

    /**
     * @param group the Group exported, or {@code null} below group level
     * @return the client whose members' Consents govern the export, or {@code null} when it is no payer-to-payer
     *         export
     */
    String check(KickOffContext context, MemberDataReader.GroupRef group, ExportParameters parameters)
            throws SQLException {
        boolean matchGroup = group != null && group.matchOwner() != null;
        boolean payerToPayer = parameters.exportType() == DaVinciExportType.PAYER_TO_PAYER;
        if (matchGroup && !payerToPayer) {
            throw FhirException.badRequest("Group/" + group.id() + " holds members matched by $bulk-member-match: "
                    + "export it with $davinci-data-export and exportType=" + DaVinciExportType.PAYER_TO_PAYER.code()
                    + ", which applies each member's Consent.");
        }
        if (!payerToPayer) {
            return null;
        }
        if (!matchGroup) {
            throw FhirException.badRequest("exportType " + DaVinciExportType.PAYER_TO_PAYER.code() + " exports a "
                    + "Group of members this client matched with $bulk-member-match; Group/" + group.id()
                    + " is not one.");
        }
        RequestingPayer requester = RequestingPayer.from(token).orElseThrow(() -> FhirException.forbidden(
                "A payer-to-payer export is for other payers' systems; this client is not registered as a payer."));
        String clientId = context.caller().clientId();
        List<String> refused = memberData.membersWithoutConsent(new Population(group.id(), null, null,
                parameters.patients(), clientId), requester.identifiers(), MAX_NAMED + 1);
        if (!refused.isEmpty()) {
            throw FhirException.unprocessable(IssueType.BUSINESS_RULE, "The Consent under which "
                    + String.join(", ", refused.stream().limit(MAX_NAMED).map(id -> "Patient/" + id).toList())
                    + (refused.size() > MAX_NAMED ? " and others" : "") + " were matched is no longer in force for "
                    + "this client (revoked, expired, or not naming its payer as recipient), so their data cannot be "
                    + "exported. Resend naming the other members in patient, or match these members again with a "
                    + "current Consent.");
        }
        return clientId;
    }
}
