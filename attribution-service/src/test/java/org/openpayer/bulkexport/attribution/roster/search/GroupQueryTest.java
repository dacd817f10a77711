package org.openpayer.bulkexport.attribution.roster.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayer.bulkexport.rest.FhirException;

class GroupQueryTest {

    /** Shaped like the ATR full example: typed NPI and TIN identifiers, an attributed-to characteristic. */
    private static final String GROUP = """
            {"resourceType":"Group","id":"atr-1","name":"Clínica São Paulo roster",
             "identifier":[
               {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"NPI"}]},
                "system":"http://hl7.org/fhir/sid/us-npi","value":"9941339108"},
               {"system":"urn:oid:2.16.840.1.113883.4.4","value":"789456231"},
               {"value":"no-system-id"}],
             "code":{"coding":[{"system":"http://hl7.org/fhir/us/davinci-pdex/CodeSystem/PdexMemberAttributionCS",
                                "code":"pdexprovidergroup"}]},
             "characteristic":[
               {"code":{"coding":[{
                  "system":"http://hl7.org/fhir/us/davinci-atr/CodeSystem/davinci-group-characteristic-codes",
                  "code":"attributed-to"}]},
                "valueReference":{"reference":"https://payer.example/fhir/Organization/org-1"},"exclude":false},
               {"code":{"coding":[{"code":"plan-member"}]},"valueBoolean":true,"exclude":false}]}
            """;

    @ParameterizedTest(name = "{0}={1} matches: {2}")
    @CsvSource(delimiter = ';', value = {
            "_id; atr-1,other; true",
            "_id; other; false",
            "identifier; 9941339108; true",
            "identifier; http://hl7.org/fhir/sid/us-npi|9941339108; true",
            "identifier; urn:oid:2.16.840.1.113883.4.4|9941339108; false",
            "identifier; |no-system-id; true",
            "identifier; |9941339108; false",
            "identifier:of-type; http://terminology.hl7.org/CodeSystem/v2-0203|NPI|9941339108; true",
            "identifier:of-type; http://terminology.hl7.org/CodeSystem/v2-0203|TAX|789456231; true",
            "identifier:of-type; http://terminology.hl7.org/CodeSystem/v2-0203|TAX|9941339108; false",
            "identifier:of-type; |NPI|9941339108; true",
            "name; clinica sao; true",
            "name; roster; false",
            "name:contains; PAULO ROSTER; true",
            "name:exact; Clínica São Paulo roster; true",
            "name:exact; clínica são paulo roster; false",
            "code; pdexprovidergroup; true",
            "code; http://hl7.org/fhir/us/davinci-pdex/CodeSystem/PdexMemberAttributionCS|pdexprovidergroup; true",
            "code; attributed-to; false",
            "characteristic; attributed-to; true",
            "characteristic; http://example.org|attributed-to; false",
            "characteristic-value; plan-member$true; true",
            "characteristic-value; plan-member$false; false",
            "characteristic-value; attributed-to$true; false",
            "characteristic-reference; Organization/org-1; true",
            "characteristic-reference; org-1; true",
            "characteristic-reference; https://payer.example/fhir/Organization/org-1; true",
            "characteristic-value-reference; Organization/org-2; false"
    })
    void matches_eachSearchForm(String parameter, String value, boolean expected) throws Exception {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add(parameter, value);

        assertThat(GroupQuery.parse(parameters).matches(group())).isEqualTo(expected);
    }

    @Test
    void repeatedParameters_and() throws Exception {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("identifier", "9941339108");
        parameters.add("identifier", "789456231");
        assertThat(GroupQuery.parse(parameters).matches(group())).isTrue();

        parameters.add("identifier", "not-there");
        assertThat(GroupQuery.parse(parameters).matches(group())).isFalse();
    }

    @Test
    void unknownParameterOrModifier_isRefusedNamingTheSupportedOnes() {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("identifier:text", "x");

        assertThatThrownBy(() -> GroupQuery.parse(parameters))
                .isInstanceOf(FhirException.class)
                .hasMessageContaining("identifier:of-type");
    }

    @Test
    void emptyValue_isRefused() {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("name", " ");

        assertThatThrownBy(() -> GroupQuery.parse(parameters)).isInstanceOf(FhirException.class);
    }

    @Test
    void summary_isParsedNotMatched() {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("_summary", "count");

        GroupQuery query = GroupQuery.parse(parameters);

        assertThat(query.summary()).isEqualTo(Summary.COUNT);
        assertThat(query.criteria()).isEmpty();
    }

    private static JsonNode group() throws Exception {
        return new ObjectMapper().readTree(GROUP);
    }
}
