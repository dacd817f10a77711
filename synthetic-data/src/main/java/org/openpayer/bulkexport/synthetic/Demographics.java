package org.openpayer.bulkexport.synthetic;

import java.util.SplittableRandom;

/**
 * Names, US addresses and phone numbers for people and places. Cities come with their real state, a ZIP code of
 * theirs and their area code; phone numbers use the 555-0100 to 555-0199 block reserved for fiction.
 */
final class Demographics {

    /** A street address in one of the known cities. */
    record Address(String line, City city) {
    }

    /** A US city with one of its ZIP codes and its area code. */
    record City(String name, String state, String postalCode, String areaCode) {
    }

    private static final CodeTable<String> FEMALE_NAMES = CodeTable.of("Mary", "Patricia", "Jennifer", "Linda",
            "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy", "Maria", "Ana", "Emily",
            "Michelle", "Amanda", "Olivia", "Sophia", "Grace", "Mei", "Priya", "Aisha", "Camila", "Hannah");
    private static final CodeTable<String> MALE_NAMES = CodeTable.of("James", "Robert", "John", "Michael", "David",
            "William", "Richard", "Joseph", "Thomas", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Jose",
            "Luis", "Kevin", "Brian", "Noah", "Ethan", "Wei", "Arjun", "Omar", "Mateo", "Samuel");
    private static final CodeTable<String> FAMILY_NAMES = CodeTable.of("Smith", "Johnson", "Williams", "Brown",
            "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
            "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
            "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Nguyen", "Patel", "Kim", "Chen",
            "Okafor", "Kowalski", "Rossi", "Haddad", "Cohen", "Murphy");
    private static final CodeTable<String> STREETS = CodeTable.of("Main St", "Oak Ave", "Maple St", "Cedar Ln",
            "Elm St", "Park Ave", "Washington St", "Lake Rd", "Hill St", "Pine St", "River Rd", "Church St",
            "Spring St", "Highland Ave", "Center St", "Franklin Ave", "Jefferson Blvd", "Sunset Dr");
    private static final CodeTable<City> CITIES = CodeTable.of(
            new City("Boston", "MA", "02118", "617"),
            new City("Worcester", "MA", "01608", "508"),
            new City("Albany", "NY", "12207", "518"),
            new City("Richmond", "VA", "23219", "804"),
            new City("Raleigh", "NC", "27601", "919"),
            new City("Atlanta", "GA", "30303", "404"),
            new City("Nashville", "TN", "37203", "615"),
            new City("Columbus", "OH", "43215", "614"),
            new City("Springfield", "IL", "62701", "217"),
            new City("Madison", "WI", "53703", "608"),
            new City("Omaha", "NE", "68102", "402"),
            new City("Austin", "TX", "78701", "512"),
            new City("Denver", "CO", "80202", "303"),
            new City("Phoenix", "AZ", "85004", "602"),
            new City("Portland", "OR", "97205", "503"),
            new City("Sacramento", "CA", "95814", "916"));

    private Demographics() {
    }

    static String givenName(SplittableRandom random, boolean female) {
        return (female ? FEMALE_NAMES : MALE_NAMES).pick(random);
    }

    static String familyName(SplittableRandom random) {
        return FAMILY_NAMES.pick(random);
    }

    static Address address(SplittableRandom random) {
        int number = 1 + random.nextInt(9_899);
        return new Address(number + " " + STREETS.pick(random), CITIES.pick(random));
    }

    /** A fictional number in the address's area code. */
    static String phone(SplittableRandom random, Address address) {
        return address.city().areaCode() + "-555-01" + SyntheticIds.pad(random.nextInt(100), 2);
    }
}
