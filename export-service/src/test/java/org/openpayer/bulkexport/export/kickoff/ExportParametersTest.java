package org.openpayer.bulkexport.export.kickoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.security.GroupGrant;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.Instant;

class ExportParametersTest {

    private static final Caller READ_ALL = new Caller("c", ScopeSet.parse("system/*.read"), GroupGrant.NONE);

    @Test
    void parse_repeatedAndCommaSeparatedTypes_areMergedInOrderWithoutDuplicates() {
        MultivaluedMap<String, String> query = query("_type", "Patient,Coverage");
        query.add("_type", "Observation,Patient");

        ExportParameters parameters = groupLevel(query, READ_ALL);

        assertThat(parameters.resourceTypes()).containsExactly("Patient", "Coverage", "Observation");
    }

    @Test
    void parse_sinceWithOffset_isTheSameInstantInUtc() {
        ExportParameters parameters = groupLevel(query("_since", "2026-01-01T05:00:00+05:00"), READ_ALL);

        assertThat(parameters.since()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void parse_noTypes_meansEveryCompartmentTypeTheTokenReads() {
        Caller caller = new Caller("c", ScopeSet.parse("system/Patient.rs system/Coverage.rs system/Group.rs"),
                GroupGrant.NONE);

        assertThat(groupLevel(new MultivaluedHashMap<>(), caller).resourceTypes())
                .containsExactly("Patient", "Coverage");
    }

    @Test
    void parse_until_isAnInstantAfterSince() {
        MultivaluedMap<String, String> query = query("_until", "2026-03-01T00:00:00Z");
        query.add("_since", "2026-01-01T00:00:00Z");

        assertThat(groupLevel(query, READ_ALL).until()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void parse_untilNotAfterSince_orWithoutZone_isRefusedNamingIt() {
        MultivaluedMap<String, String> query = query("_until", "2026-01-01T00:00:00Z");
        query.add("_since", "2026-01-01T00:00:00Z");

        assertThatThrownBy(() -> groupLevel(query, READ_ALL)).hasMessageContaining("_until");
        assertThatThrownBy(() -> groupLevel(query("_until", "2026-01-01"), READ_ALL))
                .hasMessageContaining("_until");
    }

    @Test
    void parse_sinceTwice_isRefused() {
        MultivaluedMap<String, String> query = query("_since", "2026-01-01T00:00:00Z");
        query.add("_since", "2026-02-01T00:00:00Z");

        assertThatThrownBy(() -> groupLevel(query, READ_ALL)).isInstanceOf(FhirException.class);
    }

    @Test
    void parse_unsupportedParameter_isNotSupported400() {
        assertThatThrownBy(() -> groupLevel(query("includeAssociatedData", "LatestProvenanceResources"), READ_ALL))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.status().getStatusCode()).isEqualTo(400);
                    assertThat(e.issueType()).isEqualTo(IssueType.NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("includeAssociatedData");
                });
    }

    @Test
    void parse_levels_decideWhichTypesAreExportable() {
        assertThat(ExportParameters.parse(query("_type", "Organization,Patient"), READ_ALL, ExportLevel.SYSTEM, false)
                .resourceTypes()).containsExactly("Organization", "Patient");
        assertThatThrownBy(() -> ExportParameters.parse(query("_type", "Organization"), READ_ALL,
                ExportLevel.PATIENT, false)).hasMessageContaining("patient compartment");
        assertThatThrownBy(() -> ExportParameters.parse(query("_type", "Group"), READ_ALL, ExportLevel.SYSTEM,
                false)).hasMessageContaining("Groups");
        assertThat(ExportParameters.parse(new MultivaluedHashMap<>(), READ_ALL, ExportLevel.SYSTEM, false)
                .resourceTypes()).contains("Organization", "Practitioner", "Patient").doesNotContain("Group");
    }

    @Test
    void parse_patient_isPostOnly_notSystemLevel_andReferencesPatients() {
        assertThat(ExportParameters.parse(query("patient", "Patient/p1"), READ_ALL, ExportLevel.GROUP, true)
                .patients()).containsExactly("p1");
        assertThatThrownBy(() -> groupLevel(query("patient", "Patient/p1"), READ_ALL)).hasMessageContaining("POST");
        assertThatThrownBy(() -> ExportParameters.parse(query("patient", "Patient/p1"), READ_ALL,
                ExportLevel.SYSTEM, true)).hasMessageContaining("patient");
        assertThatThrownBy(() -> ExportParameters.parse(query("patient", "Group/g1"), READ_ALL, ExportLevel.GROUP,
                true)).hasMessageContaining("Patient/{id}");
    }

    @Test
    void parse_noReadableType_isForbidden() {
        Caller writer = new Caller("c", ScopeSet.parse("system/*.cud"), GroupGrant.NONE);

        assertThatThrownBy(() -> groupLevel(new MultivaluedHashMap<>(), writer))
                .isInstanceOfSatisfying(FhirException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(403));
    }

    private static ExportParameters groupLevel(MultivaluedMap<String, String> query, Caller caller) {
        return ExportParameters.parse(query, caller, ExportLevel.GROUP, false);
    }

    private static MultivaluedMap<String, String> query(String name, String value) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add(name, value);
        return query;
    }
}
