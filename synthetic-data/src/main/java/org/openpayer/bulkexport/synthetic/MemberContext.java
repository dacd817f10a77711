package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.SyntheticIds.reference;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * What every resource of one member needs to agree on: who the member is, their coverage and their attribution.
 * It is built once per member from the member's own random streams and dropped when the member is written; nothing
 * of it outlives the member.
 */
record MemberContext(int member, MemberAttribution attribution, Person person, Enrollment enrollment,
                     LocalDate referenceDate) {

    /** The member as a person. */
    record Person(boolean female, LocalDate birthDate, String givenName, String familyName,
                  Demographics.Address address, String phone) {
    }

    /** The member's coverage: member id, coverage period, plan and employer group. */
    record Enrollment(String memberId, LocalDate coverageStart, LocalDate coverageEnd, CodeTables.HealthPlan plan,
                      String employerGroup) {
    }

    private static final int MEDICARE_AGE = 65;

    static MemberContext create(long seed, LocalDate referenceDate, int member, MemberAttribution attribution) {
        Person person = person(SeedStream.DEMOGRAPHICS.random(seed, member), referenceDate);
        Enrollment enrollment = enrollment(SeedStream.ENROLLMENT.random(seed, member), member, person,
                referenceDate);
        return new MemberContext(member, attribution, person, enrollment, referenceDate);
    }

    String patientId() {
        return SyntheticIds.patient(member);
    }

    String patientReference() {
        return reference("Patient", patientId());
    }

    String coverageReference() {
        return reference("Coverage", SyntheticIds.coverage(member));
    }

    /** Days from the coverage start (never before birth) to the reference date: at least 1. */
    int coveredDays() {
        return (int) ChronoUnit.DAYS.between(enrollment.coverageStart(), referenceDate);
    }

    /** Days the member has lived up to the reference date: at least 1. */
    int livedDays() {
        return (int) ChronoUnit.DAYS.between(person.birthDate(), referenceDate);
    }

    /** About a fifth children, three fifths working age, a fifth Medicare age; born at least a day before. */
    private static Person person(SplittableRandom random, LocalDate referenceDate) {
        boolean female = random.nextBoolean();
        int band = random.nextInt(100);
        int age = band < 20 ? random.nextInt(18) : band < 82 ? 18 + random.nextInt(47) : 65 + random.nextInt(26);
        LocalDate birthDate = referenceDate.minusYears(age).minusDays(1 + random.nextInt(364));
        String given = Demographics.givenName(random, female);
        String family = Demographics.familyName(random);
        Demographics.Address address = Demographics.address(random);
        return new Person(female, birthDate, given, family, address, Demographics.phone(random, address));
    }

    /** Medicare-age members are in the Medicare Advantage plan, the others in a commercial one. */
    private static Enrollment enrollment(SplittableRandom random, int member, Person person,
                                         LocalDate referenceDate) {
        LocalDate planStart = LocalDate.of(referenceDate.getYear() - 1 - random.nextInt(3), 1, 1);
        LocalDate coverageStart = person.birthDate().isAfter(planStart) ? person.birthDate() : planStart;
        LocalDate coverageEnd = LocalDate.of(referenceDate.getYear(), 12, 31);
        boolean medicare = person.birthDate().plusYears(MEDICARE_AGE).isBefore(referenceDate);
        int plans = CodeTables.HEALTH_PLANS.size();
        CodeTables.HealthPlan plan = CodeTables.HEALTH_PLANS.get(medicare ? plans - 1 : random.nextInt(plans - 1));
        String employerGroup = medicare ? "SHP-MA-INDIVIDUAL" : "GRP-" + SyntheticIds.pad(1 + random.nextInt(500), 5);
        return new Enrollment("SHP" + SyntheticIds.pad(member, 9), coverageStart, coverageEnd, plan, employerGroup);
    }
}
