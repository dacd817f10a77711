package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Every line parses as FHIR R4 under the strict error handler the bulk loader uses. */
class StructuralValidityTest {

    @Test
    void everyLine_strictR4Parse_succeedsWithTheGivenTypeAndId() {
        // given
        List<CollectingSink.Line> lines = CollectingSink.generate(CollectingSink.small(50));
        IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());

        // when / then
        for (CollectingSink.Line line : lines) {
            assertThatCode(() -> {
                IBaseResource resource = parser.parseResource(line.json());
                assertThat(resource.fhirType()).isEqualTo(line.resourceType());
                assertThat(resource.getIdElement().getIdPart()).isEqualTo(line.id());
            }).as(line.json()).doesNotThrowAnyException();
        }
    }

    @Test
    void everyLine_oneLineOfCompactJson() {
        // given
        List<CollectingSink.Line> lines = CollectingSink.generate(CollectingSink.small(20));

        // then
        assertThat(lines).allSatisfy(line -> assertThat(line.json())
                .startsWith("{\"resourceType\":\"" + line.resourceType() + "\",\"id\":\"" + line.id() + "\"")
                .doesNotContain("\n", "\r", ": ", "null"));
    }
}
