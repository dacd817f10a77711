package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class DatasetSpecTest {

    @Test
    void defaults_benchmarkSize_fortyResourcesPerMember() {
        // when
        DatasetSpec spec = DatasetSpec.defaults();

        // then
        assertThat(spec.members()).isEqualTo(10_000);
        assertThat(spec.resourcesPerMember()).isEqualTo(40);
        assertThat((double) spec.totalResources() / spec.members()).isBetween(40.0, 40.1);
    }

    @Test
    void builder_fieldsInAnyOrder_checkedTogetherAtBuild() {
        // when fewer members than the default Groups are set first, then fewer Groups
        DatasetSpec spec = DatasetSpec.builder().seed(7).members(5).groups(2).practitioners(4)
                .providerOrganizations(3).claimsPerMember(1).clinicalPerMember(2)
                .referenceDate(LocalDate.of(2025, 1, 31)).build();

        // then
        assertThat(spec).isEqualTo(new DatasetSpec(7, 5, 3, 4, 2, 1, 2, LocalDate.of(2025, 1, 31)));
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
    }

    @Test
    void create_noMembers_rejected() {
        assertThatThrownBy(() -> DatasetSpec.builder().members(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("members must be at least 1, but was 0");
    }

    @Test
    void create_noOrganizations_rejected() {
        assertThatThrownBy(() -> DatasetSpec.builder().providerOrganizations(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider organizations must be at least 1, but was 0");
    }

    @Test
    void create_fewerPractitionersThanOrganizations_rejected() {
        assertThatThrownBy(() -> DatasetSpec.builder().providerOrganizations(5).practitioners(4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("practitioners must be at least the number of provider organizations (5)")
                .hasMessageEndingWith("but was 4");
    }

    @Test
    void create_noGroups_rejected() {
        assertThatThrownBy(() -> DatasetSpec.builder().groups(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groups must be at least 1, but was 0");
    }

    @Test
    void create_moreGroupsThanMembers_rejected() {
        assertThatThrownBy(() -> DatasetSpec.builder().members(3).groups(4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groups must not exceed members (3) so that no Group is empty, but was 4");
    }

    @Test
    void create_negativePerMemberCounts_rejected() {
        assertThatThrownBy(() -> DatasetSpec.builder().claimsPerMember(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("claims per member must be at least 0, but was -1");
        assertThatThrownBy(() -> DatasetSpec.builder().clinicalPerMember(-2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clinical resources per member must be at least 0, but was -2");
    }

    @Test
    void create_noReferenceDate_rejected() {
        assertThatThrownBy(() -> DatasetSpec.builder().referenceDate(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference date is required");
    }

    @Test
    void create_noClaimsOrClinicalData_allowed() {
        // when
        DatasetSpec spec = DatasetSpec.builder().claimsPerMember(0).clinicalPerMember(0).build();

        // then
        assertThat(spec.resourcesPerMember()).isEqualTo(2);
    }
}
