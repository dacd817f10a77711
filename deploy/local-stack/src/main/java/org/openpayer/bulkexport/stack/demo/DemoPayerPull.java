package org.openpayer.bulkexport.stack.demo;

import static org.openpayer.bulkexport.stack.demo.Json.arr;
import static org.openpayer.bulkexport.stack.demo.Json.concept;
import static org.openpayer.bulkexport.stack.demo.Json.obj;
import static org.openpayer.bulkexport.stack.demo.Json.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * Payer-to-payer exchange between two suites: a demo member of the old payer ({@link DemoDataset}, the suite's
 * default payer identity, HRex's example old payer) has moved to a new payer, which pulls their data. Here are the
 * member as the new payer knows them and the {@code $payer-pull} request that matches them at the old payer: their
 * card's member id, the new coverage, and their HRex Consent to the old payer disclosing their data to the new one.
 */
public final class DemoPayerPull {

    /** The old payer's NPI: attribution-service's default {@code PAYER_IDENTIFIERS}. */
    public static final String OLD_PAYER = IdentifierSystem.NPI.uri() + "|9876543210";
    /** The new payer's NPI, as the old payer registers its client and the Consent names it. */
    public static final String NEW_PAYER = IdentifierSystem.NPI.uri() + "|0123456789";
    private static final String NEW_MEMBER_IDS = "http://new-health.example/fhir/sid/member-id";
    private static final String CODES_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final String HREX_REGULAR =
            "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular";

    private DemoPayerPull() {
    }

    /** The demo member {@code member} as the new payer stores them: same person, its own id and member number. */
    public static String newPayerPatient(int member, String patientId) {
        JsonNode old = demoPatient(member);
        return Json.line(obj("resourceType", "Patient", "id", patientId,
                "identifier", arr(memberNumber(NEW_MEMBER_IDS, "NH%07d".formatted(member))),
                "name", old.path("name"), "gender", old.path("gender").asText(),
                "birthDate", old.path("birthDate").asText()));
    }

    /** {@code $payer-pull} Parameters that find member {@code member} at the old payer with $member-match. */
    public static String matchingPull(String remotePayerId, int member, String patientId) {
        String cardNumber = demoPatient(member).at("/identifier/0/value").asText();
        ObjectNode card = obj("resourceType", "Coverage", "id", "card",
                "identifier", arr(memberNumber("http://example-health.org/fhir/sid/member-id", cardNumber)),
                "status", "active", "subscriberId", cardNumber, "relationship", self(),
                "payor", arr(organization(OLD_PAYER, "Example Health Plan")));
        ObjectNode newCoverage = obj("resourceType", "Coverage", "id", "new-coverage",
                "identifier", arr(memberNumber(NEW_MEMBER_IDS, "NH%07d".formatted(member))),
                "status", "active", "relationship", self(), "payor", arr(organization(NEW_PAYER, "New Health Plan")));
        LocalDate today = LocalDate.now();
        ObjectNode consent = obj("resourceType", "Consent", "status", "active",
                "scope", concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                        "Privacy Consent"),
                "category", arr(concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IDSCL",
                        "information disclosure")),
                "performer", arr(ref("Patient/" + patientId)),
                "sourceReference", ref("http://new-health.example/fhir/DocumentReference/consent-" + member),
                "policy", arr(obj("uri", HREX_REGULAR)),
                "provision", obj("type", "permit",
                        "period", obj("start", today.minusDays(7).toString(), "end", today.plusYears(1).toString()),
                        "actor", arr(
                                actor("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                        "performer", OLD_PAYER),
                                actor("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
                                        NEW_PAYER)),
                        "action", arr(concept("http://terminology.hl7.org/CodeSystem/consentaction", "disclose",
                                "Disclose"))));
        return asParameters(parameters(remotePayerId)
                .add(obj("name", "CoverageToMatch", "resource", card))
                .add(obj("name", "CoverageToLink", "resource", newCoverage))
                .add(obj("name", "Consent", "resource", consent)));
    }

    /** The parameter list of a {@code $payer-pull} from {@code remotePayerId}, for callers to add to. */
    public static ArrayNode parameters(String remotePayerId) {
        return arr(obj("name", "remotePayer", "valueString", remotePayerId));
    }

    /** A Parameters resource around a parameter list. */
    public static String asParameters(ArrayNode parameters) {
        return Json.line(obj("resourceType", "Parameters", "parameter", parameters));
    }

    private static JsonNode demoPatient(int member) {
        String id = DemoDataset.patientId(member);
        try {
            for (String line : DemoDataset.ndjsonLines()) {
                JsonNode resource = Json.MAPPER.readTree(line);
                boolean patient = "Patient".equals(resource.path("resourceType").asText());
                if (patient && id.equals(resource.path("id").asText())) {
                    return resource;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("the demo dataset has no member " + member);
    }

    private static ObjectNode memberNumber(String system, String value) {
        return obj("type", concept(CODES_0203, "MB", "Member Number"), "system", system, "value", value);
    }

    private static ObjectNode self() {
        return concept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", "Self");
    }

    private static ObjectNode organization(String identifier, String name) {
        String[] parts = identifier.split("\\|", 2);
        return obj("identifier", obj("system", parts[0], "value", parts[1]), "display", name);
    }

    private static ObjectNode actor(String roleSystem, String role, String organization) {
        String[] parts = organization.split("\\|", 2);
        return obj("role", concept(roleSystem, role, role),
                "reference", obj("identifier", obj("system", parts[0], "value", parts[1])));
    }
}
