package org.openpayer.bulkexport.attribution.membermatch;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * {@code $member-match} input built from HRex 1.2.0's published example request, changed one element at a time. The
 * only change made up front: the example's Consent ran through January 2022, so its period is moved to cover today.
 */
final class MemberMatchRequestBuilder {

    /** The payers of the HRex example: the old one (this server's default identity) and the requesting one. */
    static final String OLD_PAYER_NPI = "http://hl7.org/fhir/sid/us-npi|9876543210";
    static final String NEW_PAYER_NPI = "http://hl7.org/fhir/sid/us-npi|0123456789";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final Parameters parameters;

    private MemberMatchRequestBuilder(Parameters parameters) {
        this.parameters = parameters;
    }

    static MemberMatchRequestBuilder hrexExample() {
        try (InputStream example = MemberMatchRequestBuilder.class.getResourceAsStream("/hrex/member-match-in.json")) {
            String json = new String(example.readAllBytes(), StandardCharsets.UTF_8);
            MemberMatchRequestBuilder builder = new MemberMatchRequestBuilder(
                    FHIR.newJsonParser().parseResource(Parameters.class, json));
            return builder.withConsentPeriod(LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MemberMatchRequestBuilder withMemberPatient(Consumer<Patient> change) {
        change.accept((Patient) resource("MemberPatient"));
        return this;
    }

    MemberMatchRequestBuilder withCoverageToMatch(Consumer<Coverage> change) {
        change.accept((Coverage) resource("CoverageToMatch"));
        return this;
    }

    MemberMatchRequestBuilder withCoverageToLink(Consumer<Coverage> change) {
        change.accept((Coverage) resource("CoverageToLink"));
        return this;
    }

    MemberMatchRequestBuilder withConsent(Consumer<Consent> change) {
        change.accept((Consent) resource("Consent"));
        return this;
    }

    /** The card's member id (the MB identifier's value) and no subscriber id. */
    MemberMatchRequestBuilder withMemberId(String memberId) {
        return withCoverageToMatch(coverage -> {
            coverage.getIdentifierFirstRep().setValue(memberId);
            coverage.setSubscriberId(null);
        });
    }

    MemberMatchRequestBuilder withConsentPeriod(LocalDate start, LocalDate end) {
        return withConsent(consent -> consent.getProvision().getPeriod()
                .setStartElement(new DateTimeType(start.toString())).setEndElement(new DateTimeType(end.toString())));
    }

    MemberMatchRequestBuilder without(String parameterName) {
        parameters.getParameter().removeIf(parameter -> parameter.getName().equals(parameterName));
        return this;
    }

    MemberMatchRequestBuilder with(ParametersParameterComponent parameter) {
        parameters.addParameter(parameter);
        return this;
    }

    Parameters build() {
        return parameters;
    }

    String json() {
        return FHIR.newJsonParser().encodeResourceToString(parameters);
    }

    private org.hl7.fhir.r4.model.Resource resource(String parameterName) {
        return parameters.getParameter().stream().filter(parameter -> parameter.getName().equals(parameterName))
                .findFirst().orElseThrow().getResource();
    }
}
