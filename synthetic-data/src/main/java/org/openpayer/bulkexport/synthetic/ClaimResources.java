package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.SyntheticIds.reference;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * ExplanationOfBenefit resources shaped like CARIN Blue Button claims: professional claims from the member's
 * practice and, less often, institutional claims from a hospital outpatient department, with ICD-10-CM diagnoses,
 * CPT lines, adjudicated amounts that add up, and the member's Coverage as the focal insurance.
 */
final class ClaimResources {

    private static final Code PROFESSIONAL = new Code(CodeSystems.CLAIM_TYPE, "professional", "Professional");
    private static final Code INSTITUTIONAL = new Code(CodeSystems.CLAIM_TYPE, "institutional", "Institutional");
    private static final Code PRIMARY_PROVIDER =
            new Code(CodeSystems.TERMINOLOGY + "claimcareteamrole", "primary", "Primary provider");
    private static final Code PRINCIPAL =
            new Code(CodeSystems.TERMINOLOGY + "ex-diagnosistype", "principal", "Principal Diagnosis");
    private static final Code SUBMITTED = new Code(CodeSystems.ADJUDICATION, "submitted", "Submitted Amount");
    private static final Code COPAY = new Code(CodeSystems.ADJUDICATION, "copay", "CoPay");
    private static final Code ELIGIBLE = new Code(CodeSystems.ADJUDICATION, "eligible", "Eligible Amount");
    private static final Code BENEFIT = new Code(CodeSystems.ADJUDICATION, "benefit", "Benefit Amount");
    private static final long[] COPAYS_IN_CENTS = {0, 2_000, 3_000, 4_000};
    private static final int HOSPITAL_PERCENT = 15;
    private static final int MAX_ITEMS = 3;

    private final int organizations;
    private final ProviderDirectory directory;

    ClaimResources(DatasetSpec spec, ProviderDirectory directory) {
        this.organizations = spec.providerOrganizations();
        this.directory = directory;
    }

    /** One claim; {@code random} is the member's claim stream, shared by the member's claims in order. */
    String claim(MemberContext member, int claim, SplittableRandom random) throws IOException {
        boolean hospital = random.nextInt(100) < HOSPITAL_PERCENT;
        int organization = hospital ? 1 + random.nextInt(organizations) : member.attribution().organization();
        int practitioner = hospital
                ? directory.practitionerAt(organization, random.nextInt(directory.practitionersAt(organization)))
                : member.attribution().practitioner();
        int span = Math.max(1, member.coveredDays() - 30);
        LocalDate serviced = member.enrollment().coverageStart().plusDays(random.nextInt(span));
        LocalDate processed = serviced.plusDays(3 + random.nextInt(28));
        LocalDate created = processed.isAfter(member.referenceDate()) ? member.referenceDate() : processed;

        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("ExplanationOfBenefit", SyntheticIds.claim(member.member(), claim));
        json.beginArray("identifier");
        json.identifier(CodeSystems.UNIQUE_CLAIM_ID, CodeSystems.CLAIM_ID,
                member.enrollment().memberId() + "-" + SyntheticIds.pad(claim, 3));
        json.endArray();
        json.string("status", "active");
        json.codeableConcept("type", hospital ? INSTITUTIONAL : PROFESSIONAL);
        json.string("use", "claim");
        json.reference("patient", member.patientReference());
        json.period("billablePeriod", serviced.toString(), serviced.toString());
        json.string("created", created + "T" + SyntheticIds.pad(8 + random.nextInt(10), 2) + ":00:00Z");
        json.reference("insurer", reference("Organization", SyntheticIds.PAYER_ORGANIZATION));
        json.reference("provider", reference("Organization", SyntheticIds.organization(organization)));
        json.string("outcome", "complete");
        json.beginArray("careTeam");
        json.beginObject();
        json.integer("sequence", 1);
        json.reference("provider", reference("Practitioner", SyntheticIds.practitioner(practitioner)));
        json.codeableConcept("role", PRIMARY_PROVIDER);
        json.endObject();
        json.endArray();
        json.beginArray("diagnosis");
        json.beginObject();
        json.integer("sequence", 1);
        json.codeableConcept("diagnosisCodeableConcept", random.nextInt(10) < 7
                ? CodeTables.CONDITIONS.pick(random).icd10() : ClaimCodes.ENCOUNTER_DIAGNOSES.pick(random));
        json.codeableConceptArray("type", PRINCIPAL);
        json.endObject();
        json.endArray();
        json.beginArray("insurance");
        json.beginObject();
        json.bool("focal", true);
        json.reference("coverage", member.coverageReference());
        json.endObject();
        json.endArray();
        Totals totals = items(json, hospital, serviced, random);
        json.beginArray("total");
        amount(json, SUBMITTED, totals.submitted);
        amount(json, ELIGIBLE, totals.eligible);
        amount(json, BENEFIT, totals.benefit);
        json.endArray();
        json.beginObject("payment");
        json.money("amount", totals.benefit);
        json.endObject();
        json.endObject();
        return json.finish();
    }

    /** One to three lines; the copay, if any, falls on the first, and the plan pays the rest of what it allows. */
    private static Totals items(FhirJsonWriter json, boolean hospital, LocalDate serviced, SplittableRandom random)
            throws IOException {
        CodeTable<ClaimCodes.Service> services = hospital ? ClaimCodes.HOSPITAL_SERVICES : ClaimCodes.OFFICE_SERVICES;
        Code place = hospital ? ClaimCodes.OUTPATIENT_HOSPITAL : ClaimCodes.OFFICE;
        Totals totals = new Totals();
        int count = 1 + random.nextInt(MAX_ITEMS);
        json.beginArray("item");
        for (int sequence = 1; sequence <= count; sequence++) {
            ClaimCodes.Service service = services.pick(random);
            long submitted = 100L * (service.lowDollars()
                    + random.nextInt(service.highDollars() - service.lowDollars() + 1));
            long eligible = submitted * (55 + random.nextInt(31)) / 100;
            long copay = sequence == 1 ? Math.min(eligible, COPAYS_IN_CENTS[random.nextInt(COPAYS_IN_CENTS.length)])
                    : 0;
            json.beginObject();
            json.integer("sequence", sequence);
            json.integerArray("careTeamSequence", 1);
            json.codeableConcept("productOrService", service.code());
            json.string("servicedDate", serviced.toString());
            json.codeableConcept("locationCodeableConcept", place);
            json.money("net", submitted);
            json.beginArray("adjudication");
            amount(json, SUBMITTED, submitted);
            amount(json, COPAY, copay);
            amount(json, ELIGIBLE, eligible);
            amount(json, BENEFIT, eligible - copay);
            json.endArray();
            json.endObject();
            totals.add(submitted, eligible, eligible - copay);
        }
        json.endArray();
        return totals;
    }

    /** An adjudication or total: both are a category with an amount. */
    private static void amount(FhirJsonWriter json, Code category, long cents) throws IOException {
        json.beginObject();
        json.codeableConcept("category", category);
        json.money("amount", cents);
        json.endObject();
    }

    /** Sums over the claim's lines, in cents. */
    private static final class Totals {
        private long submitted;
        private long eligible;
        private long benefit;

        void add(long lineSubmitted, long lineEligible, long lineBenefit) {
            submitted += lineSubmitted;
            eligible += lineEligible;
            benefit += lineBenefit;
        }
    }
}
