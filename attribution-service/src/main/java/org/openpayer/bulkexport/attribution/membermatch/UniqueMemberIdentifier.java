package org.openpayer.bulkexport.attribution.membermatch;

import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Chooses the identifier {@code $member-match} answers as the member's UMB, the id the requester uses from then on:
 * the Patient's own member id (typed UMB, else MB), else the member id of one of the member's Coverages that carries
 * an id from the card, else, for a member stored without any member id, the Patient's absolute URL as a URI
 * identifier (unique and stable, if not pretty).
 */
@ApplicationScoped
public class UniqueMemberIdentifier {

    private static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    private static final String COVERAGES = """
            select content from attribution.resource
            where resource_type = 'Coverage' and patient_id = ? and not deleted order by id""";

    private final FhirJson fhir;
    private final PublicUrls urls;

    public UniqueMemberIdentifier(FhirJson fhir, PublicUrls urls) {
        this.fhir = fhir;
        this.urls = urls;
    }

    /** The UMB of a matched member, typed {@code hrex-temp#UMB} and with a system and a value. */
    Identifier of(Connection connection, MatchedMember member, CardIds cardIds) throws SQLException {
        Optional<Identifier> memberId = memberId(member, HrexVocabulary.TEMPORARY_CODES, HrexVocabulary.UMB)
                .or(() -> memberId(member, HrexVocabulary.IDENTIFIER_TYPES, HrexVocabulary.MEMBER_NUMBER));
        if (memberId.isEmpty()) {
            memberId = coverageMemberId(connection, member.patientId(), cardIds);
        }
        Identifier chosen = memberId.orElseGet(() ->
                new Identifier().setSystem(URI_SYSTEM).setValue(patientUrl(member)));
        Identifier umb = new Identifier().setSystem(chosen.getSystem()).setValue(chosen.getValue());
        umb.getType().addCoding().setSystem(HrexVocabulary.TEMPORARY_CODES).setCode(HrexVocabulary.UMB);
        return umb;
    }

    /** The RESTful reference HRex's MemberId carries: the Patient's absolute URL on this server. */
    String patientUrl(MatchedMember member) {
        return urls.fhirBase() + "/Patient/" + member.patientId();
    }

    private static Optional<Identifier> memberId(MatchedMember member, String typeSystem, String typeCode) {
        return member.patient().getIdentifier().stream()
                .filter(identifier -> identifier.hasSystem() && identifier.hasValue())
                .filter(identifier -> identifier.getType().getCoding().stream().anyMatch(coding ->
                        typeSystem.equals(coding.getSystem()) && typeCode.equals(coding.getCode())))
                .findFirst();
    }

    private Optional<Identifier> coverageMemberId(Connection connection, String patientId, CardIds cardIds)
            throws SQLException {
        IParser parser = fhir.context().newJsonParser();
        try (PreparedStatement statement = connection.prepareStatement(COVERAGES)) {
            statement.setString(1, patientId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Coverage coverage = parser.parseResource(Coverage.class, row.getString(1));
                    boolean onTheCard = cardIds.values().contains(coverage.getSubscriberId())
                            || coverage.getIdentifier().stream()
                            .anyMatch(id -> cardIds.values().contains(id.getValue()));
                    Optional<Identifier> memberId = coverage.getIdentifier().stream()
                            .filter(id -> CardIds.isMemberNumber(id) && id.hasSystem() && id.hasValue()).findFirst();
                    if (onTheCard && memberId.isPresent()) {
                        return memberId;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
