package org.openpayer.bulkexport.model.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The resource types the suite stores and exports, each with the element that places it in a patient's compartment
 * (FHIR R4 CompartmentDefinition/patient, narrowed to the one reference a payer's data uses), or none for shared
 * resources such as providers.
 */
public enum ResourceType {
    Patient("id"),
    Coverage("beneficiary"),
    RelatedPerson("patient"),
    ExplanationOfBenefit("patient"),
    Claim("patient"),
    Consent("patient"),
    Provenance("target"),
    Condition("subject"),
    Observation("subject"),
    Encounter("subject"),
    Procedure("subject"),
    MedicationRequest("subject"),
    MedicationDispense("subject"),
    Immunization("patient"),
    AllergyIntolerance("patient"),
    DiagnosticReport("subject"),
    DocumentReference("subject"),
    CarePlan("subject"),
    CareTeam("subject"),
    Goal("subject"),
    Device("patient"),
    ServiceRequest("subject"),
    Specimen("subject"),
    QuestionnaireResponse("subject"),
    Organization(null),
    Practitioner(null),
    PractitionerRole(null),
    Location(null),
    Medication(null),
    Group(null);

    private final String compartmentElement;

    ResourceType(String compartmentElement) {
        this.compartmentElement = compartmentElement;
    }

    /**
     * The element whose Patient reference names the compartment: {@code id} for Patient itself, empty for resources
     * outside every patient compartment. For a repeating element (Provenance.target) it is the first Patient named.
     */
    public Optional<String> compartmentElement() {
        return Optional.ofNullable(compartmentElement);
    }

    public boolean inPatientCompartment() {
        return compartmentElement != null;
    }

    /** The types a patient- or group-level export covers when the client names none. */
    public static List<ResourceType> patientCompartmentTypes() {
        return Arrays.stream(values()).filter(ResourceType::inPatientCompartment).toList();
    }

    /** Case-sensitive, as FHIR type names are. */
    public static Optional<ResourceType> byName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
