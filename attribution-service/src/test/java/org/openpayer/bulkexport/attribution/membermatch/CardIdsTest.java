package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.membermatch.Refusals.assertRefused;

import org.hl7.fhir.r4.model.Coverage;
import org.junit.jupiter.api.Test;

class CardIdsTest {

    @Test
    void of_hrexExample_takesTheMemberNumber() {
        assertThat(CardIds.of(coverageToMatch()).values()).containsExactly("DH10001235");
    }

    @Test
    void of_subscriberId_countsToo() {
        Coverage coverage = coverageToMatch().setSubscriberId(" SUB-77 ");

        assertThat(CardIds.of(coverage).values()).containsExactlyInAnyOrder("DH10001235", "SUB-77");
    }

    @Test
    void of_identifierOfAnotherType_isNotAMemberId() {
        Coverage coverage = coverageToMatch();
        coverage.getIdentifierFirstRep().getType().getCodingFirstRep().setCode("SN");

        assertRefused(() -> CardIds.of(coverage), 400, "member id from the card");
    }

    @Test
    void of_noIds_is400() {
        Coverage coverage = coverageToMatch();
        coverage.getIdentifier().clear();

        assertRefused(() -> CardIds.of(coverage), 400, "subscriberId");
    }

    private static Coverage coverageToMatch() {
        return (Coverage) MemberMatchRequestBuilder.hrexExample().build().getParameter().get(1).getResource();
    }
}
