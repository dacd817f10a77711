package org.openpayer.bulkexport.export.kickoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;
import org.openpayer.bulkexport.model.security.GroupGrant;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.search.CriterionParser;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

import java.time.Instant;

class ExportParametersTest {

    private static final Caller READ_ALL = new Caller("c", ScopeSet.parse("system/*.read"), GroupGrant.NONE);
    private static final CriterionParser FILTERS =
            new CriterionParser(new SearchParameterCatalog(FhirContext.forR4Cached()));

    @Test
    void parse_repeatedAndCommaSeparatedTypes_areMergedInOrderWithoutDuplicates() {
        MultivaluedMap<String, String> query = query("_type", "Patient,Coverage");
        query.add("_type", "Observation,Patient");

        ExportParameters parameters = groupLevel(query, READ_ALL);

        assertThat(parameters.resourceTypes()).containsExactly("Patient", "Coverage", "Observation");
    }

    @Test
    void parse_typeParameters_areKeptAsGiven_beforeDefaultsOrNarrowing() {
        // given
        MultivaluedMap<String, String> query = query("_type", "Patient, Coverage");
        query.add("_type", "Observation");
        query.add("_typeFilter", "Coverage?status=active,Observation?category=laboratory");
        query.add("_typeFilter", "Observation?category=vital-signs");

        // when
        ExportParameters parameters = daVinci(query);
        ExportParameters withoutTypes = daVinci(new MultivaluedHashMap<>());

        // then
        assertThat(parameters.asGiven().type()).isEqualTo("Patient, Coverage,Observation");
        assertThat(parameters.asGiven().typeFilter()).isEqualTo(
                "Coverage?status=active,Observation?category=laboratory,Observation?category=vital-signs");
        assertThat(withoutTypes.asGiven()).isEqualTo(new ExportParameters.AsGiven(null, null));
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
        assertThatThrownBy(() -> groupLevel(query("organizeOutputBy", "Patient"), READ_ALL))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.status().getStatusCode()).isEqualTo(400);
                    assertThat(e.issueType()).isEqualTo(IssueType.NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("organizeOutputBy");
                });
        assertThatThrownBy(() -> groupLevel(query("includeAssociatedData", "_custom"), READ_ALL))
                .hasMessageContaining("includeAssociatedData '_custom'");
    }

    @Test
    void parse_lenient_ignoresWhatItCannotHonour_oneDiagnosticEach() {
        MultivaluedMap<String, String> query = query("organizeOutputBy", "Patient");
        query.add("_type", "Coverage,Nonsense");
        query.add("includeAssociatedData", "_custom");

        ExportParameters parameters = parse(query, READ_ALL, ExportLevel.GROUP, false, true);

        assertThat(parameters.resourceTypes()).containsExactly("Coverage");
        assertThat(parameters.ignored()).hasSize(3).allMatch(text -> text.startsWith("Ignored under Prefer"));
    }

    @Test
    void parse_lenient_neverWidensTheExport() {
        assertThatThrownBy(() -> parse(query("_type", "Nonsense"), READ_ALL, ExportLevel.GROUP, false, true))
                .hasMessageContaining("Nothing is left to export");
        MultivaluedMap<String, String> query = query("_type", "Coverage,Observation");
        query.add("_typeFilter", "Coverage?gender=female");

        ExportParameters parameters = parse(query, READ_ALL, ExportLevel.GROUP, false, true);

        assertThat(parameters.resourceTypes()).containsExactly("Observation");
        assertThat(parameters.ignored()).anyMatch(text -> text.contains("Coverage is not exported at all"));
    }

    @Test
    void parse_typeFilter_v2CommaListAndV3Repeats_keepCommasInsideValues() {
        MultivaluedMap<String, String> query = query("_typeFilter",
                "Observation?code=http%3A%2F%2Floinc.org%7C1,2,Coverage?status=active");
        query.add("_typeFilter", "Observation?category=laboratory");

        ExportParameters parameters = groupLevel(query, READ_ALL);

        assertThat(parameters.typeFilters()).containsExactly(
                "Observation?code=http%3A%2F%2Floinc.org%7C1,2", "Observation?category=laboratory",
                "Coverage?status=active");
    }

    @Test
    void parse_typeFilter_refusesResultParametersOtherTypesAndUnknownParameters() {
        assertThatThrownBy(() -> groupLevel(query("_typeFilter", "Observation?status=final&_sort=date"), READ_ALL))
                .hasMessageContaining("_sort");
        MultivaluedMap<String, String> otherType = query("_type", "Coverage");
        otherType.add("_typeFilter", "Observation?status=final");
        assertThatThrownBy(() -> groupLevel(otherType, READ_ALL)).hasMessageContaining("does not include");
        assertThatThrownBy(() -> groupLevel(query("_typeFilter", "Patient?gender=female"), READ_ALL))
                .hasMessageContaining("gender");
        assertThatThrownBy(() -> groupLevel(query("_typeFilter", "status=final"), READ_ALL))
                .hasMessageContaining("not a search query");
    }

    @Test
    void parse_includeAssociatedData_addsProvenanceToTheTypesAsked() {
        MultivaluedMap<String, String> query = query("_type", "Coverage");
        query.add("includeAssociatedData", "LatestProvenanceResources,RelevantProvenanceResources");

        assertThat(groupLevel(query, READ_ALL).resourceTypes()).containsExactly("Coverage", "Provenance");
        Caller noProvenance = new Caller("c", ScopeSet.parse("system/Coverage.rs"), GroupGrant.NONE);
        assertThatThrownBy(() -> groupLevel(query, noProvenance)).isInstanceOfSatisfying(FhirException.class,
                e -> assertThat(e.status().getStatusCode()).isEqualTo(403));
    }

    @Test
    void parse_levels_decideWhichTypesAreExportable() {
        assertThat(parse(query("_type", "Organization,Patient"), READ_ALL, ExportLevel.SYSTEM, false)
                .resourceTypes()).containsExactly("Organization", "Patient");
        assertThatThrownBy(() -> parse(query("_type", "Organization"), READ_ALL,
                ExportLevel.PATIENT, false)).hasMessageContaining("patient compartment");
        assertThatThrownBy(() -> parse(query("_type", "Group"), READ_ALL, ExportLevel.SYSTEM,
                false)).hasMessageContaining("Groups");
        assertThat(parse(new MultivaluedHashMap<>(), READ_ALL, ExportLevel.SYSTEM, false)
                .resourceTypes()).contains("Organization", "Practitioner", "Patient").doesNotContain("Group");
    }

    @Test
    void parse_patient_isPostOnly_notSystemLevel_andReferencesPatients() {
        assertThat(parse(query("patient", "Patient/p1"), READ_ALL, ExportLevel.GROUP, true)
                .patients()).containsExactly("p1");
        assertThatThrownBy(() -> groupLevel(query("patient", "Patient/p1"), READ_ALL)).hasMessageContaining("POST");
        assertThatThrownBy(() -> parse(query("patient", "Patient/p1"), READ_ALL,
                ExportLevel.SYSTEM, true)).hasMessageContaining("patient");
        assertThatThrownBy(() -> parse(query("patient", "Group/g1"), READ_ALL, ExportLevel.GROUP,
                true)).hasMessageContaining("Patient/{id}");
    }

    @Test
    void daVinci_atr_defaultsToGroupPatientCoverage_andOffersOnlyItsTypes() {
        ExportParameters atr = daVinci(query("exportType", "hl7.fhir.us.davinci-atr"));

        assertThat(atr.exportType()).isEqualTo(DaVinciExportType.ATR);
        assertThat(atr.resourceTypes()).containsExactly("Group", "Patient", "Coverage");
        MultivaluedMap<String, String> providers = query("exportType", "hl7.fhir.us.davinci-atr");
        providers.add("_type", "Practitioner,PractitionerRole,Organization,Location,RelatedPerson");
        assertThat(daVinci(providers).resourceTypes()).hasSize(5);
        MultivaluedMap<String, String> claims = query("exportType", "hl7.fhir.us.davinci-atr");
        claims.add("_type", "ExplanationOfBenefit");
        assertThatThrownBy(() -> daVinci(claims)).hasMessageContaining("not part of an ATR export");
    }

    @Test
    void daVinci_pdex_exportsMemberDataAndDirectoryByDefault_andBothFormsOfTheTypeAreOne() {
        ExportParameters download = daVinci(query("exportType", "hl7.fhir.us.davinci-pdex#provider-download"));
        MultivaluedMap<String, String> seedForm = query("exportType", "hl7.fhir.us.davinci-pdex");
        seedForm.add("exportMode", "provider-download");

        assertThat(download.resourceTypes()).contains("Patient", "ExplanationOfBenefit", "Practitioner",
                "Organization").doesNotContain("Group");
        assertThat(daVinci(seedForm).exportType()).isEqualTo(DaVinciExportType.PROVIDER_DOWNLOAD);
        assertThat(daVinci(new MultivaluedHashMap<>()).exportType()).isNull();
    }

    @Test
    void daVinci_badExportTypes_andDeltaWithoutSince_are400() {
        assertThatThrownBy(() -> daVinci(query("exportType", "hl7.fhir.us.davinci-pdex#everything")))
                .hasMessageContaining("exportType 'hl7.fhir.us.davinci-pdex#everything' is not supported");
        assertThatThrownBy(() -> daVinci(query("exportMode", "provider-delta")))
                .hasMessageContaining("exportMode goes with");
        assertThatThrownBy(() -> daVinci(query("exportType", "hl7.fhir.us.davinci-pdex#provider-delta")))
                .hasMessageContaining("needs _since");
        assertThatThrownBy(() -> groupLevel(query("exportType", "hl7.fhir.us.davinci-atr"), READ_ALL))
                .as("Bulk Data's $export has no exportType").hasMessageContaining("exportType");
    }

    @Test
    void parse_noReadableType_isForbidden() {
        Caller writer = new Caller("c", ScopeSet.parse("system/*.cud"), GroupGrant.NONE);

        assertThatThrownBy(() -> groupLevel(new MultivaluedHashMap<>(), writer))
                .isInstanceOfSatisfying(FhirException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(403));
    }

    private static ExportParameters groupLevel(MultivaluedMap<String, String> query, Caller caller) {
        return parse(query, caller, ExportLevel.GROUP, false);
    }

    private static ExportParameters parse(MultivaluedMap<String, String> query, Caller caller, ExportLevel level,
                                          boolean post) {
        return parse(query, caller, level, post, false);
    }

    private static ExportParameters parse(MultivaluedMap<String, String> query, Caller caller, ExportLevel level,
                                          boolean post, boolean lenient) {
        return ExportParameters.parse(query, new KickOffContext(caller, level, post, lenient, false), FILTERS);
    }

    private static ExportParameters daVinci(MultivaluedMap<String, String> query) {
        return ExportParameters.parse(query, new KickOffContext(READ_ALL, ExportLevel.GROUP, true, false, true),
                FILTERS);
    }

    private static MultivaluedMap<String, String> query(String name, String value) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add(name, value);
        return query;
    }
}
