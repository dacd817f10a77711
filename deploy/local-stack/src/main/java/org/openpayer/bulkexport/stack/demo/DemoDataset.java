package org.openpayer.bulkexport.stack.demo;

import static org.openpayer.bulkexport.stack.demo.Json.arr;
import static org.openpayer.bulkexport.stack.demo.Json.concept;
import static org.openpayer.bulkexport.stack.demo.Json.obj;
import static org.openpayer.bulkexport.stack.demo.Json.ref;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small, deterministic payer dataset as NDJSON: the payer, three provider organizations (NPI and TIN), two
 * practitioners each with their roles and a location, {@value #MEMBER_COUNT} members with Patient, Coverage,
 * ExplanationOfBenefit, Condition, Observation and Encounter, and two ATR attribution Groups (east and west).
 * Providers find their Group by NPI; the same seed always gives the same data, so tests can count on it.
 */
public final class DemoDataset {

    public static final int MEMBER_COUNT = 100;
    public static final String PAYER_ID = "payer-example-health";
    public static final ProviderOrganization EAST = new ProviderOrganization("org-east", "Eastside Primary Care",
            ProviderOrganization.npiWithCheckDigit("131620622"), "123456789");
    public static final ProviderOrganization WEST = new ProviderOrganization("org-west", "Westend Family Medicine",
            ProviderOrganization.npiWithCheckDigit("148123456"), "234567891");
    public static final ProviderOrganization NORTH = new ProviderOrganization("org-north", "Northgate Pediatrics",
            ProviderOrganization.npiWithCheckDigit("150987654"), "345678912");
    public static final String EAST_GROUP_ID = "group-east";
    public static final String WEST_GROUP_ID = "group-west";
    /** Members 1..50 are attributed to the east Group, 51..100 to the west Group. */
    public static final int EAST_MEMBERS = 50;
    public static final String CONTRACT_SYSTEM = "http://example-health.org/fhir/sid/provider-contract";

    private static final String ATR = "http://hl7.org/fhir/us/davinci-atr/StructureDefinition/";
    private static final String ATR_CODES = "http://hl7.org/fhir/us/davinci-atr/CodeSystem/";
    private static final String[] GIVEN = {"Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines",
        "Jamal", "Kira", "Luis", "Mei", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq"};
    private static final String[] FAMILY = {"Alvarez", "Brown", "Chen", "Diallo", "Evans", "Fischer", "Garcia",
        "Haddad", "Ito", "Johnson", "Kowalski", "Lopez", "Mensah", "Nguyen", "Okafor", "Patel", "Rossi", "Smith"};
    private static final LocalDate PLAN_YEAR = LocalDate.of(2026, 1, 1);

    private final Random random = new Random(20261121L);
    private final List<String> lines = new ArrayList<>();

    private DemoDataset() {
    }

    /** The whole dataset, one resource per line, providers first so every reference resolves in load order. */
    public static List<String> ndjsonLines() {
        DemoDataset dataset = new DemoDataset();
        dataset.build();
        return List.copyOf(dataset.lines);
    }

    public static String patientId(int member) {
        return "pat-%03d".formatted(member);
    }

    public static String practitionerId(ProviderOrganization organization, int index) {
        return organization.id().replace("org-", "prac-") + "-" + index;
    }

    private void build() {
        add(payer());
        for (ProviderOrganization organization : List.of(EAST, WEST, NORTH)) {
            add(organization(organization));
            add(obj("resourceType", "Location", "id", organization.id().replace("org-", "loc-"),
                    "status", "active", "name", organization.name() + " clinic",
                    "managingOrganization", ref("Organization/" + organization.id())));
            for (int index = 1; index <= 2; index++) {
                add(practitioner(organization, index));
                add(obj("resourceType", "PractitionerRole", "id", practitionerId(organization, index) + "-role",
                        "active", true,
                        "practitioner", ref("Practitioner/" + practitionerId(organization, index)),
                        "organization", ref("Organization/" + organization.id())));
            }
        }
        for (int member = 1; member <= MEMBER_COUNT; member++) {
            addMember(member, member <= EAST_MEMBERS ? EAST : WEST);
        }
        add(group(EAST_GROUP_ID, EAST, 1, EAST_MEMBERS));
        add(group(WEST_GROUP_ID, WEST, EAST_MEMBERS + 1, MEMBER_COUNT));
    }

    private void addMember(int member, ProviderOrganization provider) {
        String patient = patientId(member);
        String doctor = practitionerId(provider, 1 + member % 2);
        add(patient(member));
        add(coverage(member));
        int claims = 1 + random.nextInt(3);
        for (int claim = 1; claim <= claims; claim++) {
            add(explanationOfBenefit(member, claim, provider, doctor));
        }
        add(obj("resourceType", "Condition", "id", "cond-" + patient,
                "clinicalStatus", concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active",
                        "Active"),
                "code", random.nextBoolean()
                        ? concept("http://snomed.info/sct", "44054006", "Diabetes mellitus type 2")
                        : concept("http://snomed.info/sct", "38341003", "Hypertensive disorder"),
                "subject", ref("Patient/" + patient)));
        add(obj("resourceType", "Observation", "id", "obs-" + patient, "status", "final",
                "category", arr(concept("http://terminology.hl7.org/CodeSystem/observation-category",
                        "laboratory", "Laboratory")),
                "code", concept("http://loinc.org", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"),
                "subject", ref("Patient/" + patient),
                "effectiveDateTime", PLAN_YEAR.plusDays(random.nextInt(300)).toString(),
                "valueQuantity", obj("value", 5.0 + random.nextInt(40) / 10.0, "unit", "%",
                        "system", "http://unitsofmeasure.org", "code", "%")));
        add(obj("resourceType", "Encounter", "id", "enc-" + patient, "status", "finished",
                "class", obj("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code", "AMB",
                        "display", "ambulatory"),
                "subject", ref("Patient/" + patient),
                "participant", arr(obj("individual", ref("Practitioner/" + doctor))),
                "serviceProvider", ref("Organization/" + provider.id())));
    }

    private static ObjectNode payer() {
        return obj("resourceType", "Organization", "id", PAYER_ID, "active", true, "name", "Example Health Plan",
                "type", arr(concept("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer")));
    }

    private static ObjectNode organization(ProviderOrganization organization) {
        return obj("resourceType", "Organization", "id", organization.id(), "active", true,
                "identifier", arr(
                        obj("system", IdentifierSystem.NPI.uri(), "value", organization.npi()),
                        obj("system", IdentifierSystem.TIN.uri(), "value", organization.tin())),
                "type", arr(concept("http://terminology.hl7.org/CodeSystem/organization-type", "prov",
                        "Healthcare Provider")),
                "name", organization.name());
    }

    private ObjectNode practitioner(ProviderOrganization organization, int index) {
        String npi = ProviderOrganization.npiWithCheckDigit(organization.npi().substring(0, 7) + "0" + index);
        return obj("resourceType", "Practitioner", "id", practitionerId(organization, index), "active", true,
                "identifier", arr(obj("system", IdentifierSystem.NPI.uri(), "value", npi)),
                "name", arr(obj("family", pick(FAMILY), "given", arr(pick(GIVEN)), "prefix", arr("Dr."))));
    }

    private ObjectNode patient(int member) {
        return obj("resourceType", "Patient", "id", patientId(member),
                "identifier", arr(obj(
                        "type", concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MB", "Member Number"),
                        "system", "http://example-health.org/fhir/sid/member-id",
                        "value", memberNumber(member))),
                "active", true,
                "name", arr(obj("family", pick(FAMILY), "given", arr(pick(GIVEN)))),
                "gender", random.nextBoolean() ? "female" : "male",
                "birthDate", LocalDate.of(1940, 1, 1).plusDays(random.nextInt(28_000)).toString(),
                "address", arr(obj("line", arr((100 + member) + " Main St"), "city", "Springfield",
                        "state", "IL", "postalCode", "627" + "%02d".formatted(member % 100))));
    }

    private static ObjectNode coverage(int member) {
        String patient = "Patient/" + patientId(member);
        return obj("resourceType", "Coverage", "id", "cov-" + patientId(member),
                "identifier", arr(obj(
                        "type", concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MB", "Member Number"),
                        "system", "http://example-health.org/fhir/sid/member-id",
                        "value", memberNumber(member))),
                "status", "active",
                "subscriber", ref(patient),
                "subscriberId", memberNumber(member),
                "beneficiary", ref(patient),
                "relationship", concept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self",
                        "Self"),
                "period", planYear(),
                "payor", arr(ref("Organization/" + PAYER_ID)),
                "class", arr(obj(
                        "type", concept("http://terminology.hl7.org/CodeSystem/coverage-class", "plan", "Plan"),
                        "value", "EH-GOLD-2026", "name", "Example Health Gold")));
    }

    private ObjectNode explanationOfBenefit(int member, int claim, ProviderOrganization provider, String doctor) {
        String patient = patientId(member);
        LocalDate serviced = PLAN_YEAR.plusDays(random.nextInt(300));
        double charge = 80 + random.nextInt(400);
        return obj("resourceType", "ExplanationOfBenefit", "id", "eob-" + patient + "-" + claim,
                "status", "active",
                "type", concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional"),
                "use", "claim",
                "patient", ref("Patient/" + patient),
                "billablePeriod", obj("start", serviced.toString(), "end", serviced.toString()),
                "created", serviced.plusDays(3) + "T12:00:00Z",
                "insurer", ref("Organization/" + PAYER_ID),
                "provider", ref("Organization/" + provider.id()),
                "careTeam", arr(obj("sequence", 1, "provider", ref("Practitioner/" + doctor))),
                "outcome", "complete",
                "insurance", arr(obj("focal", true, "coverage", ref("Coverage/cov-" + patient))),
                "item", arr(obj("sequence", 1,
                        "productOrService", concept("http://www.ama-assn.org/go/cpt", "99213",
                                "Office visit, established patient"),
                        "servicedDate", serviced.toString(),
                        "net", money(charge))),
                "total", arr(obj("category", concept("http://terminology.hl7.org/CodeSystem/adjudication",
                        "submitted", "Submitted Amount"), "amount", money(charge))));
    }

    /** An ATR Member Attribution List, shaped as the IG's full example. */
    private ObjectNode group(String id, ProviderOrganization provider, int firstMember, int lastMember) {
        ArrayNode members = Json.MAPPER.createArrayNode();
        for (int member = firstMember; member <= lastMember; member++) {
            String patient = patientId(member);
            members.add(obj(
                    "extension", arr(
                            obj("url", ATR + "ext-changeType", "valueCode", "new"),
                            obj("url", ATR + "ext-coverageReference", "valueReference", ref("Coverage/cov-" + patient)),
                            obj("url", ATR + "ext-attributedProvider", "valueReference",
                                    ref("Practitioner/" + practitionerId(provider, 1 + member % 2)))),
                    "entity", ref("Patient/" + patient),
                    "period", planYear(),
                    "inactive", false));
        }
        return obj("resourceType", "Group", "id", id,
                "meta", obj("profile", arr(ATR + "atr-group")),
                "extension", arr(
                        obj("url", ATR + "ext-contractValidityPeriod", "valuePeriod",
                                planYear()),
                        obj("url", ATR + "ext-attributionListStatus", "valueCode", "open")),
                "identifier", arr(
                        obj("system", IdentifierSystem.NPI.uri(), "value", provider.npi()),
                        obj("system", IdentifierSystem.TIN.uri(), "value", provider.tin()),
                        obj("system", CONTRACT_SYSTEM, "value", "contract-" + provider.id().substring(4) + "-2026")),
                "active", true,
                "type", "person",
                "actual", true,
                "name", provider.name() + " attribution list 2026",
                "managingEntity", ref("Organization/" + PAYER_ID),
                "characteristic", arr(obj(
                        "code", concept(ATR_CODES + "davinci-group-characteristic-codes", "attributed-to",
                                "Attributed to"),
                        "valueReference", ref("Organization/" + provider.id()),
                        "exclude", false)),
                "quantity", lastMember - firstMember + 1,
                "member", members);
    }

    /** The demo contracts' and coverages' period: the 2026 plan year. */
    private static ObjectNode planYear() {
        return obj("start", PLAN_YEAR.toString(), "end", PLAN_YEAR.plusYears(1).minusDays(1).toString());
    }

    private static ObjectNode money(double value) {
        return obj("value", value, "currency", "USD");
    }

    private static String memberNumber(int member) {
        return "EH%07d".formatted(member);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void add(ObjectNode resource) {
        lines.add(Json.line(resource));
    }
}
