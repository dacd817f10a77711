package org.openpayer.bulkexport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTargetsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "/fhir/Group?identifier=http://hl7.org/fhir/sid/us-npi|1316206220 "
                    + "/fhir/Group?identifier=http://hl7.org/fhir/sid/us-npi%7C1316206220",
            "/fhir/Group?identifier=a%7Cb /fhir/Group?identifier=a%7Cb",
            "/fhir/Group/g1/$export?_type=Patient,Coverage /fhir/Group/g1/$export?_type=Patient,Coverage",
            "/fhir/Patient?name=Zoë /fhir/Patient?name=Zo%C3%AB",
            "/x?a={b}&c=\"d\" /x?a=%7Bb%7D&c=%22d%22"
    })
    void encodeDisallowed_encodesOnlyWhatRfc3986Forbids(String raw, String expected) {
        assertThat(RequestTargets.encodeDisallowed(raw)).isEqualTo(expected);
    }
}
