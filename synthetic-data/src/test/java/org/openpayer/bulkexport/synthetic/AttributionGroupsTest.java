package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class AttributionGroupsTest {

    @Test
    void groupOf_everyMember_inOneNonEmptyBlockOfUnevenSize() {
        // given
        DatasetSpec spec = DatasetSpec.builder().members(1_000).groups(7).build();
        AttributionGroups groups = new AttributionGroups(spec, new ProviderDirectory(spec));

        // when
        int[] sizes = new int[spec.groups() + 1];
        int previous = 1;
        for (int member = 1; member <= spec.members(); member++) {
            int group = groups.groupOf(member);
            assertThat(group).isBetween(previous, spec.groups());
            sizes[group]++;
            previous = group;
        }

        // then
        Set<Integer> distinctSizes = new HashSet<>();
        for (int group = 1; group <= spec.groups(); group++) {
            assertThat(sizes[group]).isPositive().isEqualTo(groups.size(group));
            distinctSizes.add(sizes[group]);
        }
        assertThat(distinctSizes).hasSizeGreaterThan(1);
    }

    @Test
    void groupOf_asManyGroupsAsMembers_oneMemberEach() {
        // given
        DatasetSpec spec = DatasetSpec.builder().members(9).groups(9).build();
        AttributionGroups groups = new AttributionGroups(spec, new ProviderDirectory(spec));

        // then
        for (int member = 1; member <= 9; member++) {
            assertThat(groups.groupOf(member)).isEqualTo(member);
            assertThat(groups.size(member)).isEqualTo(1);
        }
    }

    @Test
    void attributionOf_practitioner_worksAtTheGroupsOrganization() {
        // given
        DatasetSpec spec = DatasetSpec.builder().members(500).providerOrganizations(6).practitioners(20)
                .groups(9).build();
        ProviderDirectory directory = new ProviderDirectory(spec);
        AttributionGroups groups = new AttributionGroups(spec, directory);

        // then
        for (int member = 1; member <= spec.members(); member++) {
            MemberAttribution attribution = groups.attributionOf(member);
            assertThat(attribution).isEqualTo(groups.attributionOf(member));
            assertThat(attribution.organization()).isEqualTo(directory.organizationOfGroup(attribution.group()));
            assertThat(directory.organizationOfPractitioner(attribution.practitioner()))
                    .isEqualTo(attribution.organization());
            assertThat(attribution.changeType()).isIn("nochange", "new", "changed");
            assertThat(attribution.periodStart()).isBetween(spec.referenceDate().withDayOfYear(1),
                    spec.referenceDate());
        }
    }
}
