package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.NEW_PAYER_NPI;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.OLD_PAYER_NPI;
import static org.openpayer.bulkexport.attribution.membermatch.Refusals.assertRefused;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.fhir.hrex.HrexConsentPolicy;
import org.openpayer.bulkexport.rest.RequestingPayer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

class HrexConsentRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Set<String> OURS = Set.of(OLD_PAYER_NPI);
    private static final RequestingPayer REQUESTER = new RequestingPayer(Set.of(NEW_PAYER_NPI));

    @Test
    void honour_hrexExample_givesTheTermsToStore() {
        PayerConsent terms = HrexConsentRules.honour(consent(c -> { }), OURS, REQUESTER, NOW);

        assertThat(terms.policy()).isEqualTo(HrexConsentPolicy.REGULAR);
        assertThat(terms.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(terms.end()).as("a date-only end covers its whole day")
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(terms.sources()).containsExactly(OLD_PAYER_NPI);
        assertThat(terms.recipients()).containsExactly(NEW_PAYER_NPI);
    }

    @Test
    void honour_sensitivePolicy_isHonoured() {
        PayerConsent terms = HrexConsentRules.honour(consent(c -> c.getPolicyFirstRep()
                .setUri(HrexConsentPolicy.SENSITIVE.uri())), OURS, REQUESTER, NOW);

        assertThat(terms.policy()).isEqualTo(HrexConsentPolicy.SENSITIVE);
    }

    @Test
    void honour_consentThatDoesNotPermitThisDisclosure_is422() {
        assertNotHonoured(c -> c.setStatus(ConsentState.INACTIVE), "status is inactive");
        assertNotHonoured(c -> c.getPolicyFirstRep().setUri("http://example.org/policy#everything"),
                "not one this payer honours");
        assertNotHonoured(c -> c.getProvision().setType(ConsentProvisionType.DENY), "does not permit disclosure");
        assertNotHonoured(c -> c.getProvision().getActionFirstRep().getCodingFirstRep().setCode("access"),
                "does not permit disclosure");
        assertNotHonoured(c -> c.getScope().getCodingFirstRep().setCode("treatment"), "privacy consent");
        assertNotHonoured(c -> c.getCategoryFirstRep().getCodingFirstRep().setCode("INFA"), "privacy consent");
        assertNotHonoured(c -> c.getProvision().addPurpose().setCode("TREAT"), "restricts the disclosure");
        assertNotHonoured(c -> c.getProvision().addProvision().setType(ConsentProvisionType.DENY),
                "restricts the disclosure");
    }

    @Test
    void honour_outsideItsPeriod_is422() {
        assertNotHonoured(c -> period(c, "2022-01-01", "2022-01-31"), "not in force now");
        assertNotHonoured(c -> period(c, "2026-11-22", "2027-01-31"), "not in force now");
        assertNotHonoured(c -> period(c, "2026-01-01", "2026-11-20"), "not in force now");
    }

    @Test
    void honour_periodEndingToday_isInForceAllDay() {
        PayerConsent terms = HrexConsentRules.honour(consent(c -> period(c, "2026-01-01", "2026-11-21")), OURS,
                REQUESTER, NOW);

        assertThat(terms.end()).isEqualTo(LocalDate.of(2026, 11, 22).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void honour_notFromThisPayer_is422() {
        assertNotHonoured(c -> c.getProvision().getActor().get(0).getReference().getIdentifier()
                .setValue("1111111111"), "does not name this payer as the source");
    }

    @Test
    void honour_notToTheCaller_is422() {
        assertRefused(() -> HrexConsentRules.honour(consent(c -> { }), OURS,
                new RequestingPayer(Set.of("http://hl7.org/fhir/sid/us-npi|5555555555")), NOW), 422,
                "does not name the requesting payer as its recipient");
    }

    @Test
    void honour_consentMissingWhatHrexRequires_is400() {
        assertMalformed(c -> c.setPolicy(null), "exactly one policy");
        assertMalformed(c -> c.addPolicy().setUri(HrexConsentPolicy.SENSITIVE.uri()), "exactly one policy");
        assertMalformed(c -> c.getProvision().getPeriod().setEnd(null), "both a start and an end");
        assertMalformed(c -> c.getProvision().setActor(List.of(c.getProvision().getActor().get(0))),
                "recipient actor");
        assertMalformed(c -> c.getProvision().getActor().get(0).getReference().setIdentifier(null),
                "source actor");
        assertMalformed(c -> c.setSource(new Attachment().setUrl("http://example.org/consent.pdf")),
                "sourceReference");
        assertMalformed(c -> c.setPerformer(null), "performer");
        assertMalformed(c -> c.getProvision().setAction(null), "type and an action");
        assertMalformed(c -> period(c, "2026-12-01", "2026-11-01"), "ends before it starts");
    }

    private static void assertNotHonoured(Consumer<Consent> change, String diagnosticsContain) {
        assertRefused(() -> HrexConsentRules.honour(consent(change), OURS, REQUESTER, NOW), 422, diagnosticsContain);
    }

    private static void assertMalformed(Consumer<Consent> change, String diagnosticsContain) {
        assertRefused(() -> HrexConsentRules.honour(consent(change), OURS, REQUESTER, NOW), 400, diagnosticsContain);
    }

    private static void period(Consent consent, String start, String end) {
        consent.getProvision().getPeriod().setStartElement(new DateTimeType(start))
                .setEndElement(new DateTimeType(end));
    }

    /** The example's Consent, running through November 2026, changed by {@code change}. */
    private static Consent consent(Consumer<Consent> change) {
        Parameters parameters = MemberMatchRequestBuilder.hrexExample()
                .withConsentPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))
                .withConsent(change).build();
        return (Consent) parameters.getParameter().get(3).getResource();
    }
}
