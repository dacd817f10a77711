package org.openpayer.bulkexport.model.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

class ElementSelectionTest {

    @Test
    void unqualifiedElements_applyToEveryType_qualifiedOnesToTheirs() {
        ElementSelection selection = ElementSelection.parse(List.of("status,Observation.code", "Patient.name"));

        assertThat(selection.elementsFor("Observation")).contains(Set.of("status", "code"));
        assertThat(selection.elementsFor("Patient")).contains(Set.of("status", "name"));
        assertThat(ElementSelection.parse(List.of("Observation.code")).elementsFor("Patient")).isEmpty();
    }

    @Test
    void entriesThatAreNoTopLevelElement_areRefusedByName() {
        assertThatThrownBy(() -> ElementSelection.parse(List.of("Observation.code.coding")))
                .hasMessageContaining("Observation.code.coding");
        assertThatThrownBy(() -> ElementSelection.parse(List.of("Spaceship.name"))).hasMessageContaining("Spaceship");
        assertThatThrownBy(() -> ElementSelection.parse(List.of("Status"))).hasMessageContaining("Status");
    }
}
