package org.openpayer.bulkexport.attribution.payerpull.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.membermatch.Refusals.assertRefused;

import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.payerpull.PullFixture;
import org.openpayer.bulkexport.attribution.write.RequiredElements;

import java.util.UUID;
import java.util.function.Consumer;

/** What {@code $payer-pull} accepts, and the 400 that names each kind of bad input. */
class PullRequestReaderTest {

    private static final String PAYER = UUID.randomUUID().toString();
    private final FhirJson fhir = new FhirJson();
    private final PullRequestReader reader = new PullRequestReader(fhir, new RequiredElements(fhir));

    @Test
    void read_remoteMemberIdAndBulkParameters_givesThemAsSent() {
        // when
        PullRequestReader.Read read = read(PAYER, p -> {
            value(p, "remoteMemberId", "r-9");
            value(p, "_type", "Observation,Condition");
            p.addParameter().setName("_since").setValue(new InstantType("2026-01-01T00:00:00Z"));
            value(p, "_typeFilter", "Observation?category=laboratory");
            value(p, "_typeFilter", "Condition?code=44054006");
        });

        // then
        assertThat(read.remotePayerId()).hasToString(PAYER);
        assertThat(read.request().remoteMemberId()).isEqualTo("r-9");
        assertThat(read.request().match()).isNull();
        assertThat(read.request().bulk().type()).isEqualTo("Observation,Condition");
        assertThat(read.request().bulk().since()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(read.request().bulk().typeFilters())
                .containsExactly("Observation?category=laboratory", "Condition?code=44054006");
    }

    @Test
    void read_matchInputsWithoutBeneficiary_areAccepted_theMatchSetsIt() {
        PullRequestReader.Read read = read(PAYER, PullFixture::matchInputs);

        assertThat(read.request().remoteMemberId()).isNull();
        assertThat(read.request().match().coverageToMatch()).contains("DH10001235");
        assertThat(read.request().match().consent()).contains("patient-privacy");
    }

    @Test
    void read_neitherMemberIdNorMatchInputs_usesTheEarlierMatch() {
        PullRequestReader.Read read = read(PAYER, none -> { });

        assertThat(read.request().remoteMemberId()).isNull();
        assertThat(read.request().match()).isNull();
        assertThat(read.request().bulk().typeFilters()).isEmpty();
    }

    @Test
    void read_withoutOrWithAMalformedRemotePayer_is400() {
        assertRefused(() -> reader.read(new Parameters()), 400, "remotePayer is required");
        assertRefused(() -> read("old-plan", none -> { }), 400, "remotePayer names no registered payer: old-plan");
        assertRefused(() -> read(PAYER, p -> value(p, "remotePayer", PAYER)), 400, "remotePayer may be given once");
    }

    @Test
    void read_unknownOrValuelessParameter_is400NamingIt() {
        assertRefused(() -> read(PAYER, p -> value(p, "_outputFormat", "ndjson")), 400, "not _outputFormat");
        assertRefused(() -> read(PAYER, p -> p.addParameter().setName("_type")), 400, "_type takes a value");
    }

    @Test
    void read_matchInputsIncompleteOrWithAMemberId_is400() {
        assertRefused(() -> read(PAYER, p -> p.addParameter().setName("CoverageToMatch")
                .setResource(PullFixture.coverage("DH10001235"))), 400, "together");
        assertRefused(() -> read(PAYER, p -> {
            value(p, "remoteMemberId", "r-1");
            PullFixture.matchInputs(p);
        }), 400, "not both");
    }

    @Test
    void read_matchInputOfTheWrongTypeOrLackingRequiredElements_is400NamingIt() {
        assertRefused(() -> read(PAYER, p -> {
            PullFixture.matchInputs(p);
            p.getParameter("Consent").setResource(new Patient());
        }), 400, "Consent takes a Consent resource");
        assertRefused(() -> read(PAYER, p -> {
            PullFixture.matchInputs(p);
            ((Consent) p.getParameter("Consent").getResource()).setScope(null);
        }), 400, "Consent lacks what FHIR R4 requires: Consent.scope.");
        assertRefused(() -> read(PAYER, p -> {
            PullFixture.matchInputs(p);
            ((Coverage) p.getParameter("CoverageToLink").getResource()).getPayor().clear();
        }), 400, "CoverageToLink lacks what FHIR R4 requires: Coverage.payor.");
    }

    @Test
    void read_malformedMemberIdOrBulkParameter_is400NamingIt() {
        assertRefused(() -> read(PAYER, p -> value(p, "remoteMemberId", "Patient/r-1")), 400, "remoteMemberId");
        assertRefused(() -> read(PAYER, p -> value(p, "_type", "Observation;Condition")), 400,
                "_type is a comma-separated list");
        assertRefused(() -> read(PAYER, p -> value(p, "_since", "yesterday")), 400, "_since is a FHIR instant");
        assertRefused(() -> read(PAYER, p -> value(p, "_since", "2026-01-01T00:00:00")), 400,
                "with a time zone");
        assertRefused(() -> read(PAYER, p -> value(p, "_typeFilter", "category=laboratory")), 400,
                "_typeFilter is a FHIR search query");
    }

    /** Reads the Parameters a client would send, through the same JSON parsing as the operation. */
    private PullRequestReader.Read read(String payer, Consumer<Parameters> more) {
        return reader.read(fhir.operationParameters(PullFixture.parameters(payer, more)));
    }

    private static void value(Parameters parameters, String name, String value) {
        parameters.addParameter().setName(name).setValue(new StringType(value));
    }
}
