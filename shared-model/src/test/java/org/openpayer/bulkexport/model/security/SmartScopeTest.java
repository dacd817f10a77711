package org.openpayer.bulkexport.model.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;

class SmartScopeTest {

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
            "system/Patient.read, system/Patient.rs",
            "system/*.read, system/*.rs",
            "system/Observation.write, system/Observation.cud",
            "system/*.*, system/*.cruds"
    })
    void parse_v1AndV2Forms_meanTheSamePermissions(String v1, String v2) {
        SmartScope first = SmartScope.parse(v1);
        SmartScope second = SmartScope.parse(v2);

        assertThat(first.permissions()).isEqualTo(second.permissions());
        assertThat(first.resourceType()).isEqualTo(second.resourceType());
        assertThat(first.syntax()).isEqualTo(ScopeSyntax.V1);
        assertThat(second.syntax()).isEqualTo(ScopeSyntax.V2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"system/Patient.read", "system/Patient.rs", "system/*.cruds", "system/Coverage.s",
            "system/*.write"})
    void render_echoesTheSyntaxTheClientUsed(String scope) {
        assertThat(SmartScope.parse(scope).render()).isEqualTo(scope);
    }

    @ParameterizedTest
    @ValueSource(strings = {"system/Patient.sr", "system/Patient.dus", "system/Patient.rr", "system/Patient.x",
            "system/Patient", "Patient.read", "openid", "system/patient.read", "system/Patient.", "launch/patient",
            "system/Patient.rs?category=x"})
    void parse_malformedScope_isRejected(String scope) {
        assertThatThrownBy(() -> SmartScope.parse(scope)).isInstanceOf(InvalidScopeException.class);
    }

    @Test
    void allows_wildcardType_coversEveryType() {
        SmartScope scope = SmartScope.parse("system/*.rs");
        assertThat(scope.allows("Coverage", Permission.READ)).isTrue();
        assertThat(scope.allows("Coverage", Permission.CREATE)).isFalse();
    }

    @Test
    void scopeSet_canRead_onlyWithSystemReadPermission() {
        assertThat(ScopeSet.parse("system/Patient.rs system/Coverage.s").canRead("Patient")).isTrue();
        assertThat(ScopeSet.parse("system/Patient.rs system/Coverage.s").canRead("Coverage")).isFalse();
        assertThat(ScopeSet.parse("system/Patient.cud").canRead("Patient")).isFalse();
        assertThat(ScopeSet.parse("patient/Patient.rs").canRead("Patient")).isFalse();
        assertThat(ScopeSet.parse("").canRead("Patient")).isFalse();
    }

    @Test
    void constructor_withoutPermissions_isRejected() {
        assertThatThrownBy(() -> new SmartScope("system", "Patient", EnumSet.noneOf(Permission.class), ScopeSyntax.V2))
                .isInstanceOf(InvalidScopeException.class);
    }

    @ParameterizedTest(name = "{0} within {1} -> {2}")
    @CsvSource({
            "system/*.rs, system/Patient.read, system/Patient.rs",
            "system/*.read, system/Patient.rs system/Coverage.read, system/Patient.read system/Coverage.read",
            "system/Patient.cruds, system/*.rs, system/Patient.rs",
            "system/Patient.read, system/Patient.r, system/Patient.r",
            "system/Patient.rs, system/Coverage.rs, ''",
            "system/Patient.c, system/*.rs, ''",
            "patient/Patient.rs, system/*.rs, ''"
    })
    void intersect_grantsOnlyWhatBothSidesCover(String requested, String allowed, String granted) {
        assertThat(ScopeSet.parse(requested).intersect(ScopeSet.parse(allowed)).render()).isEqualTo(granted);
    }
}
