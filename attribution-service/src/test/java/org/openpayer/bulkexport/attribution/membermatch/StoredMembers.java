package org.openpayer.bulkexport.attribution.membermatch;

import static org.hamcrest.Matchers.oneOf;

import io.restassured.specification.RequestSpecification;
import org.openpayer.bulkexport.attribution.AttributionTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Members for {@code $member-match} tests, written through the FHIR API as the payer's own systems write them, and
 * the matches the service stored, read from its table.
 */
final class StoredMembers {

    static final String MEMBER_SYSTEM = "http://example-health.org/fhir/sid/member-id";

    private StoredMembers() {
    }

    /** A member as {@code $member-match} sees one: a Patient and a Coverage carrying the card's ids. */
    record Member(String patientId, String memberId, String subscriberId, String patientJson) {
    }

    /** A Patient with its member id, named {@code given family}, and its Coverage with that id and subscriberId. */
    static Member member(String patientId, String memberId, String family, String given, String birthDate) {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"" + patientId + "\",\"identifier\":[" + memberNumber(
                memberId) + "],\"name\":[{\"family\":\"" + family + "\",\"given\":[\"" + given + "\"]}],"
                + "\"gender\":\"female\",\"birthDate\":\"" + birthDate + "\"}";
        Member member = new Member(patientId, memberId, "SUB-" + memberId, patient);
        store(member);
        return member;
    }

    /** Writes the member; a Patient without identifiers leaves the member id on the Coverage alone. */
    static void store(Member member) {
        put("Patient/" + member.patientId(), member.patientJson());
        put("Coverage/cov-" + member.patientId(), "{\"resourceType\":\"Coverage\",\"id\":\"cov-" + member.patientId()
                + "\",\"identifier\":[" + memberNumber(member.memberId()) + "],\"status\":\"active\","
                + "\"subscriberId\":\"" + member.subscriberId() + "\",\"beneficiary\":{\"reference\":\"Patient/"
                + member.patientId() + "\"},\"relationship\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/subscriber-relationship\",\"code\":\"self\"}]},"
                + "\"payor\":[{\"reference\":\"Organization/payer-example-health\"}]}");
    }

    /** The matches stored for a client, oldest first, each as its columns. */
    static List<Map<String, String>> matchesOf(String clientId) throws SQLException {
        List<Map<String, String>> matches = new ArrayList<>();
        try (Connection connection = connection(); PreparedStatement query = connection.prepareStatement(
                "select patient_id, member_identifier, coverage_to_link, consent, consent_status, consent_policy, "
                        + "consent_start::text, consent_end::text, consent_recipient::text, consent_source::text, "
                        + "match_group_id "
                        + "from attribution.member_match where client_id = ? order by matched_at")) {
            query.setString(1, clientId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Map<String, String> columns = new LinkedHashMap<>();
                    for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                        columns.put(row.getMetaData().getColumnName(column), row.getString(column));
                    }
                    matches.add(columns);
                }
            }
        }
        return matches;
    }

    /** How many Consents the member data holds for a Patient (the match's Consent must not be one of them). */
    static int consentResourcesOf(String patientId) throws SQLException {
        try (Connection connection = connection(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from attribution.resource where resource_type = 'Consent' and patient_id = ?")) {
            query.setString(1, patientId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String memberNumber(String memberId) {
        return "{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\","
                + "\"code\":\"MB\"}]},\"system\":\"" + MEMBER_SYSTEM + "\",\"value\":\"" + memberId + "\"}";
    }

    private static void put(String path, String resource) {
        writer().body(resource).put("/fhir/" + path).then().statusCode(oneOf(200, 201));
    }

    private static RequestSpecification writer() {
        return AttributionTestResource.payerSystem();
    }

    private static Connection connection() throws SQLException {
        return AttributionTestResource.database();
    }
}
