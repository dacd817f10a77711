package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class ProviderDirectoryTest {

    @Test
    void npi_publishedExample_getsItsCheckDigit() {
        // CMS's example NPI 1234567893
        assertThat(ProviderDirectory.npi(123_456_789)).isEqualTo("1234567893");
    }

    @Test
    void npis_generated_passTheLuhnCheckWithTheCardIssuerPrefix() {
        for (int number = 1; number <= 300; number++) {
            assertThat(luhnValid("80840" + ProviderDirectory.organizationNpi(number))).isTrue();
            assertThat(luhnValid("80840" + ProviderDirectory.practitionerNpi(number))).isTrue();
        }
    }

    @Test
    void organizationNames_unique() {
        Set<String> names = new HashSet<>();
        for (int organization = 1; organization <= 500; organization++) {
            assertThat(names.add(ProviderDirectory.organizationName(organization))).isTrue();
        }
    }

    @Test
    void practitioners_spreadOverEveryOrganization() {
        // given
        DatasetSpec spec = DatasetSpec.builder().providerOrganizations(7).practitioners(30).build();
        ProviderDirectory directory = new ProviderDirectory(spec);

        // when
        int total = 0;
        for (int organization = 1; organization <= 7; organization++) {
            int count = directory.practitionersAt(organization);
            assertThat(count).isPositive();
            for (int index = 0; index < count; index++) {
                int practitioner = directory.practitionerAt(organization, index);
                assertThat(practitioner).isBetween(1, 30);
                assertThat(directory.organizationOfPractitioner(practitioner)).isEqualTo(organization);
            }
            total += count;
        }

        // then
        assertThat(total).isEqualTo(30);
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
