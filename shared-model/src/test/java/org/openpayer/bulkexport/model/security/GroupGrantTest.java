package org.openpayer.bulkexport.model.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;

import java.util.List;
import java.util.Set;

class GroupGrantTest {

    private static final String NPI = GroupGrant.identifierToken(IdentifierSystem.NPI.uri(), "1316206220");

    @Test
    void permits_groupGrantedById() {
        GroupGrant grant = new GroupGrant(Set.of("g-1"), Set.of());
        assertThat(grant.permits("g-1", List.of())).isTrue();
        assertThat(grant.permits("g-2", List.of())).isFalse();
    }

    @Test
    void permits_groupCarryingAGrantedIdentifier() {
        GroupGrant grant = new GroupGrant(Set.of(), Set.of(NPI));
        assertThat(grant.permits("g-9", List.of("urn:oid:2.16.840.1.113883.4.4|123", NPI))).isTrue();
        assertThat(grant.permits("g-9", List.of("urn:oid:2.16.840.1.113883.4.4|123"))).isFalse();
    }

    @Test
    void none_permitsNothing() {
        assertThat(GroupGrant.NONE.permits("g-1", List.of(NPI))).isFalse();
    }
}
