package org.openpayer.bulkexport.stack.demo;

/**
 * A provider organization of the demo payer's network.
 *
 * @param id   the Organization's resource id
 * @param name its name
 * @param npi  a ten-digit NPI with a valid check digit
 * @param tin  a nine-digit federal Tax Identification Number
 */
public record ProviderOrganization(String id, String name, String npi, String tin) {

    /** Builds an NPI from nine digits by appending its Luhn check digit (computed with the 80840 prefix). */
    static String npiWithCheckDigit(String nineDigits) {
        String digits = "80840" + nineDigits;
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return nineDigits + ((10 - sum % 10) % 10);
    }
}
