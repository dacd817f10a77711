package org.openpayer.bulkexport.export;

import org.flywaydb.core.Flyway;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Member data as attribution-service stores it, written straight into its tables: the read contract export workers
 * depend on. The schema comes from attribution-service's own migrations, so this fixture breaks when the contract
 * does. One Group with two current members and one dropped member, an empty Group and another provider's Group; and
 * Groups of matched members for the payer-to-payer export.
 */
public final class MemberDataFixture {

    public static final String GROUP = "g-export";
    public static final String EMPTY_GROUP = "g-empty";
    public static final String OTHER_GROUP = "g-other";
    /** Many members with a Patient and a Coverage each: a job of many tasks, for sharing and failover. */
    public static final String LARGE_GROUP = "g-large";
    public static final int LARGE_GROUP_SIZE = 40;
    /** A provider directory resource: outside every compartment, exported at system level only. */
    public static final String ORGANIZATION = "org-1";
    public static final String NPI = IdentifierSystem.NPI.uri() + "|1316206220";
    public static final Instant OLD = Instant.parse("2020-06-01T00:00:00Z");
    public static final Instant RECENT = Instant.parse("2025-06-01T00:00:00Z");
    /** p1's Encounters. */
    public static final List<String> ENCOUNTERS = List.of("e1", "e2", "e3");
    /** The PractitionerRole p2 is attributed to. */
    public static final String ROLE = "role1";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** When p1's data last went out in a PDex provider-download, as attribution-service booked it on the member. */
    public static final Instant P1_LAST_TRANSMITTED = Instant.parse("2025-01-15T08:30:00Z");
    public static final String P1_LAST_TYPES = "Patient,Coverage";
    /** A Group of matched members ($bulk-member-match) and its client; see {@link #payerToPayer}. */
    public static final String MATCH_GROUP = "g-matched";
    /** The same client's Group whose members' Consents lapsed: one expired, one revoked. */
    public static final String LAPSED_MATCH_GROUP = "g-matched-lapsed";
    public static final String MATCH_OWNER = "new-payer-client";
    /** The payer MATCH_OWNER acts for, the recipient its members' Consents name. */
    public static final String NEW_PAYER_NPI = IdentifierSystem.NPI.uri() + "|0123456789";
    /** Within PDex's five-year window of payer-to-payer data; RECENT is too. */
    public static final Instant LAST_YEAR = Instant.now().minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    /** Before it. */
    public static final Instant SIX_YEARS_AGO = Instant.now().minus(6 * 366, ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.DAYS);
    public static final String HIV_LABEL = "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
            + "\"code\":\"HIV\"}";
    public static final String RESTRICTED_LABEL = "{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"R\"}";
    /** A label, but not a sensitive one: normal confidentiality. */
    public static final String NORMAL_LABEL = "{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"N\"}";

    private MemberDataFixture() {
    }

    public static void load(InfraEndpoints endpoints) {
        Flyway.configure()
                .dataSource(endpoints.jdbcUrl(), endpoints.dbUsername(), endpoints.dbPassword())
                .schemas("attribution")
                .locations("filesystem:" + ProjectLayout.locate().root()
                        .resolve("attribution-service/src/main/resources/db/migration"))
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.dbUsername(), endpoints.dbPassword())) {
            group(connection, GROUP, NPI);
            group(connection, EMPTY_GROUP, IdentifierSystem.NPI.uri() + "|1316206220");
            group(connection, OTHER_GROUP, IdentifierSystem.NPI.uri() + "|1487654321");
            member(connection, GROUP, 1, "p1", false, "Practitioner/pr1");
            lastDownload(connection, GROUP, "p1", P1_LAST_TRANSMITTED, P1_LAST_TYPES);
            member(connection, GROUP, 3, "p3", true, "Practitioner/pr9");
            member(connection, GROUP, 4, "p4", false, "Practitioner/pr9");
            // p2 joined in the Group's second version, written at RECENT: a delta since before then gives p2's all
            groupVersion(connection, GROUP, 2, RECENT);
            member(connection, GROUP, 2, "p2", false, "PractitionerRole/" + ROLE, 2);
            optedOut(connection, "p4");
            member(connection, OTHER_GROUP, 1, "p3", false, "Practitioner/pr9");
            for (String patient : new String[] {"p1", "p2", "p3", "p4"}) {
                resource(connection, "Patient", patient, patient, OLD, false);
            }
            resource(connection, "Coverage", "c1", "p1", OLD, false);
            resource(connection, "Coverage", "c2", "p2", OLD, false);
            resource(connection, "Coverage", "c3", "p3", OLD, false);
            resource(connection, "Coverage", "c4", "p4", OLD, false);
            resource(connection, "Observation", "o1", "p1", OLD, false);
            resource(connection, "Observation", "o2", "p2", RECENT, false);
            resource(connection, "Observation", "o3", "p1", RECENT, true);
            resource(connection, "Organization", ORGANIZATION, null, OLD, false);
            group(connection, LARGE_GROUP, IdentifierSystem.NPI.uri() + "|1598765432");
            for (int i = 1; i <= LARGE_GROUP_SIZE; i++) {
                String patient = largeGroupMember(i);
                member(connection, LARGE_GROUP, i, patient, false, "Practitioner/pr1");
                resource(connection, "Patient", patient, patient, OLD, false);
                resource(connection, "Coverage", "c-" + patient, patient, OLD, false);
            }
            // p1's Encounters: one task's worth of several resources, for files rolled over within a task
            for (String encounter : ENCOUNTERS) {
                resource(connection, "Encounter", encounter, "p1", OLD, false);
            }
            // Directory: pr1 and role1 are attributed in GROUP; role1 names its Location and Organization. pr9 is
            // attributed only to a dropped and an opted-out member; loc9 is named by nobody.
            resource(connection, "Practitioner", "pr1", null, OLD, false);
            resource(connection, "Practitioner", "pr9", null, OLD, false);
            resource(connection, "Location", "loc1", null, OLD, false);
            resource(connection, "Location", "loc9", null, OLD, false);
            resource(connection, "PractitionerRole", ROLE, null, OLD, false, roleContent());
            token(connection, "Coverage", "c1", "status", "http://hl7.org/fhir/fm-status", "active");
            token(connection, "Coverage", "c2", "status", "http://hl7.org/fhir/fm-status", "cancelled");
            token(connection, "Observation", "o1", "category", OBSERVATION_CATEGORY, "laboratory");
            token(connection, "Observation", "o2", "category", OBSERVATION_CATEGORY, "vital-signs");
            payerToPayer(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the member data fixture", e);
        }
    }

    /**
     * Payer-to-payer: {@link #MATCH_GROUP} holds mp1, matched under a #regular Consent (and opted out of provider
     * access, which payer-to-payer ignores), and mp2, under a #sensitive one; both Consents in force and naming
     * {@link #NEW_PAYER_NPI}. mp1's Observations: plain, labelled normal, labelled HIV (sensitive), with a clinical
     * date six years ago, and unchanged for six years without a clinical date; mp2's: labelled restricted (sensitive).
     * {@link #LAPSED_MATCH_GROUP} holds mp3, whose Consent expired, and mp4, whose Consent was revoked.
     */
    private static void payerToPayer(Connection connection) throws SQLException {
        group(connection, MATCH_GROUP, null);
        group(connection, LAPSED_MATCH_GROUP, null);
        member(connection, MATCH_GROUP, 1, "mp1", false, "");
        member(connection, MATCH_GROUP, 2, "mp2", false, "");
        member(connection, LAPSED_MATCH_GROUP, 1, "mp3", false, "");
        member(connection, LAPSED_MATCH_GROUP, 2, "mp4", false, "");
        optedOut(connection, "mp1");
        Instant now = Instant.now();
        match(connection, new Match(MATCH_GROUP, "mp1", "regular", "active", now.minus(30, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS)));
        match(connection, new Match(MATCH_GROUP, "mp2", "sensitive", "active", now.minus(30, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS)));
        match(connection, new Match(LAPSED_MATCH_GROUP, "mp3", "sensitive", "active",
                now.minus(60, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        match(connection, new Match(LAPSED_MATCH_GROUP, "mp4", "sensitive", "revoked",
                now.minus(30, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS)));
        for (String patient : new String[] {"mp1", "mp2", "mp3", "mp4"}) {
            resource(connection, "Patient", patient, patient, SIX_YEARS_AGO, false);
            resource(connection, "Coverage", "cov-" + patient, patient, SIX_YEARS_AGO, false);
        }
        resource(connection, "Observation", "om1-plain", "mp1", LAST_YEAR, false);
        labelled(connection, "om1-normal", "mp1", NORMAL_LABEL);
        labelled(connection, "om1-hiv", "mp1", HIV_LABEL);
        resource(connection, "Observation", "om1-old-service", "mp1", LAST_YEAR, false);
        date(connection, "Observation", "om1-old-service", SIX_YEARS_AGO);
        resource(connection, "Observation", "om1-unchanged", "mp1", SIX_YEARS_AGO, false);
        labelled(connection, "om2-restricted", "mp2", RESTRICTED_LABEL);
        labelled(connection, "om3-restricted", "mp3", RESTRICTED_LABEL);
    }

    /** A member's match as attribution-service stores it: the Consent's terms, for the Group it put the member in. */
    private record Match(String group, String patient, String policy, String status, Instant start, Instant end) {
    }

    private static void match(Connection connection, Match match) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into attribution.member_match (id, client_id, patient_id, matched_at, member_identifier,
                  coverage_to_link, consent, consent_status, consent_policy, consent_start, consent_end,
                  consent_recipient, consent_source, match_group_id)
                values (gen_random_uuid(), ?, ?, now(), ?, '{}', '{}', ?, ?, ?, ?, ?::jsonb, '[]', ?)""")) {
            insert.setString(1, MATCH_OWNER);
            insert.setString(2, match.patient());
            insert.setString(3, "http://example.org/member|" + match.patient());
            insert.setString(4, match.status());
            insert.setString(5, match.policy());
            insert.setTimestamp(6, Timestamp.from(match.start()));
            insert.setTimestamp(7, Timestamp.from(match.end()));
            insert.setString(8, "[\"" + NEW_PAYER_NPI + "\"]");
            insert.setString(9, match.group());
            insert.executeUpdate();
        }
        try (PreparedStatement owner = connection.prepareStatement("insert into attribution.member_match_group "
                + "(group_id, client_id, created_at) values (?, ?, now()) on conflict do nothing")) {
            owner.setString(1, match.group());
            owner.setString(2, MATCH_OWNER);
            owner.executeUpdate();
        }
    }

    /** An Observation changed last year, with one security label. */
    private static void labelled(Connection connection, String id, String patient, String label)
            throws SQLException {
        String plain = content("Observation", id, patient, LAST_YEAR);
        resource(connection, "Observation", id, patient, LAST_YEAR, false,
                plain.replace("\"lastUpdated\":\"" + LAST_YEAR + "\"}", "\"lastUpdated\":\"" + LAST_YEAR
                        + "\",\"security\":[" + label + "]}"));
    }

    /** A clinical date (the type's date search value), as attribution-service's index keeps it: one whole day. */
    private static void date(Connection connection, String type, String id, Instant day) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into attribution.search_date "
                + "(resource_type, id, param, low, high) values (?, ?, 'date', ?, ?)")) {
            insert.setString(1, type);
            insert.setString(2, id);
            insert.setTimestamp(3, Timestamp.from(day));
            insert.setTimestamp(4, Timestamp.from(day.plus(1, ChronoUnit.DAYS)));
            insert.executeUpdate();
        }
    }

    /** The JSON the fixture stores for a resource: what an export must reproduce byte for byte. */
    public static String content(String type, String id, String patient, Instant lastUpdated) {
        String compartment = type.equals("Patient") || patient == null ? ""
                : ",\"" + (type.equals("Coverage") ? "beneficiary" : "subject") + "\":{\"reference\":\"Patient/"
                + patient + "\"}";
        return "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\",\"meta\":{\"versionId\":\"1\","
                + "\"lastUpdated\":\"" + lastUpdated + "\"}" + compartment + "}";
    }

    /** role1: Practitioner pr1 at Location loc1 for the Organization org-1. */
    public static String roleContent() {
        return "{\"resourceType\":\"PractitionerRole\",\"id\":\"" + ROLE + "\",\"meta\":{\"versionId\":\"1\","
                + "\"lastUpdated\":\"" + OLD + "\"},\"practitioner\":{\"reference\":\"Practitioner/pr1\"},"
                + "\"organization\":{\"reference\":\"Organization/" + ORGANIZATION + "\"},"
                + "\"location\":[{\"reference\":\"Location/loc1\"}]}";
    }

    /** A new version of a Group, as attribution-service writes one: the resource row moves on, history keeps both. */
    private static void groupVersion(Connection connection, String id, long version, Instant updated)
            throws SQLException {
        String content = "{\"resourceType\":\"Group\",\"id\":\"" + id + "\",\"meta\":{\"versionId\":\"" + version
                + "\",\"lastUpdated\":\"" + updated + "\"}}";
        try (PreparedStatement update = connection.prepareStatement("update attribution.resource set version_id = ?, "
                + "last_updated = ?, content = ? where resource_type = 'Group' and id = ?");
             PreparedStatement history = connection.prepareStatement("insert into attribution.resource_history "
                     + "(resource_type, id, version_id, last_updated, deleted, content) "
                     + "values ('Group', ?, ?, ?, false, ?)")) {
            update.setLong(1, version);
            update.setTimestamp(2, Timestamp.from(updated));
            update.setString(3, content);
            update.setString(4, id);
            update.executeUpdate();
            history.setString(1, id);
            history.setLong(2, version);
            history.setTimestamp(3, Timestamp.from(updated));
            history.setString(4, content);
            history.executeUpdate();
        }
    }

    /** The i-th member of {@link #LARGE_GROUP}, from 1; ids sort in member order. */
    public static String largeGroupMember(int i) {
        return String.format("lg%03d", i);
    }

    /**
     * A member element as attribution-service stores it: the Patient and the provider it is attributed to (none when
     * {@code provider} is empty, as in a Group of matched members).
     */
    public static String memberContent(String patient, String provider, boolean inactive) {
        String attributed = provider.isEmpty() ? "" : "\"extension\":[{\"url\":\"http://hl7.org/fhir/us/davinci-atr/"
                + "StructureDefinition/ext-attributedProvider\",\"valueReference\":{\"reference\":\"" + provider
                + "\"}}],";
        return "{" + attributed + "\"entity\":{\"reference\":\"Patient/" + patient + "\"}"
                + (inactive ? ",\"inactive\":true" : "") + "}";
    }

    /** A Group; {@code identifier} ({@code system|value}) is its discovery identifier, none when {@code null}. */
    private static void group(Connection connection, String id, String identifier) throws SQLException {
        resource(connection, "Group", id, null, OLD, false);
        try (PreparedStatement history = connection.prepareStatement("""
                insert into attribution.resource_history (resource_type, id, version_id, last_updated, deleted, content)
                select resource_type, id, version_id, last_updated, deleted, content from attribution.resource
                where resource_type = 'Group' and id = ?""")) {
            history.setString(1, id);
            history.executeUpdate();
        }
        if (identifier == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into attribution.group_identifier (group_id, system, value) values (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, identifier.substring(0, identifier.indexOf('|')));
            insert.setString(3, identifier.substring(identifier.indexOf('|') + 1));
            insert.executeUpdate();
        }
    }

    private static void member(Connection connection, String group, int seq, String patient, boolean inactive,
                               String provider) throws SQLException {
        member(connection, group, seq, patient, inactive, provider, 1);
    }

    private static void member(Connection connection, String group, int seq, String patient, boolean inactive,
                               String provider, long sinceVersion) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into attribution.group_member
                  (group_id, member_seq, patient_id, inactive, content, member_key, since_version, change_type)
                values (?, ?, ?, ?, ?, ?, ?, 'new')""")) {
            insert.setString(1, group);
            insert.setInt(2, seq);
            insert.setString(3, patient);
            insert.setBoolean(4, inactive);
            insert.setString(5, memberContent(patient, provider, inactive));
            insert.setString(6, patient + "|" + provider);
            insert.setLong(7, sinceVersion);
            insert.executeUpdate();
        }
        try (PreparedStatement history = connection.prepareStatement("""
                insert into attribution.group_member_history
                  (group_id, member_key, member_seq, patient_id, version_from, version_to, change_type, content)
                select group_id, member_key, member_seq, patient_id, since_version, null, change_type, content
                from attribution.group_member where group_id = ? and member_seq = ?""")) {
            history.setString(1, group);
            history.setInt(2, seq);
            history.executeUpdate();
        }
    }

    /**
     * PDex provider-download bookkeeping on a member's rows, current and historic (no {@code _typeFilter} given).
     * attribution-service books in a Group version of its own; the fixture keeps the Group's two versions simple.
     */
    private static void lastDownload(Connection connection, String group, String patient, Instant transmitted,
                                     String types) throws SQLException {
        for (String table : new String[] {"group_member", "group_member_history"}) {
            try (PreparedStatement update = connection.prepareStatement("update attribution." + table
                    + " set last_transmitted = ?, last_types = ? where group_id = ? and patient_id = ?")) {
                update.setTimestamp(1, Timestamp.from(transmitted));
                update.setString(2, types);
                update.setString(3, group);
                update.setString(4, patient);
                update.executeUpdate();
            }
        }
    }

    /** A member who opted out of provider access: attribution-service's row for their latest deny Consent. */
    private static void optedOut(Connection connection, String patient) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into attribution.member_opt_out "
                + "(patient_id, consent_id, decided_at) values (?, ?, now())")) {
            insert.setString(1, patient);
            insert.setString(2, "consent-" + patient);
            insert.executeUpdate();
        }
    }

    /** A search index row, as attribution-service's writer keeps it: what {@code _typeFilter} is answered from. */
    private static void token(Connection connection, String type, String id, String param, String system,
                              String code) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into attribution.search_token "
                + "(resource_type, id, param, system, code) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, type);
            insert.setString(2, id);
            insert.setString(3, param);
            insert.setString(4, system);
            insert.setString(5, code);
            insert.executeUpdate();
        }
    }

    private static void resource(Connection connection, String type, String id, String patient, Instant updated,
                                 boolean deleted) throws SQLException {
        resource(connection, type, id, patient, updated, deleted, content(type, id, patient, updated));
    }

    private static void resource(Connection connection, String type, String id, String patient, Instant updated,
                                 boolean deleted, String content) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into attribution.resource
                  (resource_type, id, version_id, last_updated, patient_id, deleted, content)
                values (?, ?, 1, ?, ?, ?, ?)""")) {
            insert.setString(1, type);
            insert.setString(2, id);
            insert.setTimestamp(3, Timestamp.from(updated));
            insert.setString(4, patient);
            insert.setBoolean(5, deleted);
            insert.setString(6, deleted ? null : content);
            insert.executeUpdate();
        }
    }
}
