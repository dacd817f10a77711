package org.openpayer.bulkexport.attribution.membermatch;

import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Patient;
import org.openpayer.bulkexport.attribution.load.FhirJson;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the member HRex {@code $member-match} asks for, deterministically: the card's ids select candidate Patients
 * through indexes (Coverage identifier and subscriberId, Patient identifier), never by scanning members; the
 * demographics then decide, in {@link MemberDemographics#matches}. Several Coverages of one Patient are one member.
 * Matching ignores coverage status and period: a former member is who payer-to-payer exchange is for.
 */
@ApplicationScoped
public class MemberMatcher {

    /** More candidates than this for one card means its ids are not specific enough to tell anyone apart. */
    static final int MAX_CANDIDATES = 100;

    private static final String CANDIDATES = """
            select distinct patient_id from (
              select r.patient_id from attribution.search_token t
              join attribution.resource r on r.resource_type = t.resource_type and r.id = t.id and not r.deleted
              where t.resource_type = 'Coverage' and t.param = 'identifier' and t.code = any(?)
              union all
              select r.patient_id from attribution.resource r
              where r.resource_type = 'Coverage' and not r.deleted and (r.content::jsonb ->> 'subscriberId') = any(?)
              union all
              select r.id from attribution.search_token t
              join attribution.resource r on r.resource_type = t.resource_type and r.id = t.id and not r.deleted
              where t.resource_type = 'Patient' and t.param = 'identifier' and t.code = any(?)
            ) candidate where patient_id is not null
            limit ?""";
    private static final String PATIENTS = """
            select id, content from attribution.resource
            where resource_type = 'Patient' and id = any(?) and not deleted
            order by id""";

    private final FhirJson fhir;

    public MemberMatcher(FhirJson fhir) {
        this.fhir = fhir;
    }

    MatchResult match(Connection connection, MatchCriteria criteria) throws SQLException {
        List<String> candidates = candidates(connection, criteria.cardIds());
        if (candidates.size() > MAX_CANDIDATES) {
            return new MatchResult.Several();
        }
        List<MatchedMember> matches = new ArrayList<>();
        for (MatchedMember candidate : patients(connection, candidates)) {
            if (criteria.demographics().matches(candidate.patient())) {
                matches.add(candidate);
            }
        }
        return switch (matches.size()) {
            case 0 -> new MatchResult.None();
            case 1 -> new MatchResult.Unique(matches.get(0));
            default -> new MatchResult.Several();
        };
    }

    private static List<String> candidates(Connection connection, CardIds cardIds) throws SQLException {
        List<String> patientIds = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            Array ids = connection.createArrayOf("varchar", cardIds.values().toArray());
            statement.setArray(1, ids);
            statement.setArray(2, ids);
            statement.setArray(3, ids);
            statement.setInt(4, MAX_CANDIDATES + 1);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    patientIds.add(row.getString(1));
                }
            }
        }
        return patientIds;
    }

    private List<MatchedMember> patients(Connection connection, List<String> patientIds) throws SQLException {
        List<MatchedMember> patients = new ArrayList<>();
        if (patientIds.isEmpty()) {
            return patients;
        }
        IParser parser = fhir.context().newJsonParser();
        try (PreparedStatement statement = connection.prepareStatement(PATIENTS)) {
            statement.setArray(1, connection.createArrayOf("varchar", patientIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    patients.add(new MatchedMember(row.getString(1),
                            parser.parseResource(Patient.class, row.getString(2))));
                }
            }
        }
        return patients;
    }
}
