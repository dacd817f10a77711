package org.openpayer.bulkexport.synthetic;

/**
 * The clinical resource types and the fixed pattern that deals a member's clinical slots out to them. Every 20
 * slots hold 3 Encounters, 9 Observations, 2 each of Condition, Procedure and MedicationRequest, and 1 each of
 * Immunization and AllergyIntolerance; the pattern starts with an Encounter so every other resource has a visit to
 * belong to. A fixed pattern rather than a random draw makes the counts per type exact for any spec.
 */
enum ClinicalKind {
    ENCOUNTER("Encounter", "enc"),
    CONDITION("Condition", "con"),
    OBSERVATION("Observation", "obs"),
    PROCEDURE("Procedure", "prc"),
    MEDICATION_REQUEST("MedicationRequest", "med"),
    IMMUNIZATION("Immunization", "imm"),
    ALLERGY_INTOLERANCE("AllergyIntolerance", "alg");

    private static final ClinicalKind[] PATTERN = {
        ENCOUNTER, OBSERVATION, OBSERVATION, CONDITION, OBSERVATION, MEDICATION_REQUEST, PROCEDURE, OBSERVATION,
        IMMUNIZATION, OBSERVATION, ENCOUNTER, OBSERVATION, CONDITION, MEDICATION_REQUEST, OBSERVATION, PROCEDURE,
        OBSERVATION, ALLERGY_INTOLERANCE, OBSERVATION, ENCOUNTER};

    private final String resourceType;
    private final String idPrefix;

    ClinicalKind(String resourceType, String idPrefix) {
        this.resourceType = resourceType;
        this.idPrefix = idPrefix;
    }

    /** The kind of a member's clinical slot, counted from 1. */
    static ClinicalKind ofSlot(int slot) {
        return PATTERN[(slot - 1) % PATTERN.length];
    }

    String resourceType() {
        return resourceType;
    }

    String idPrefix() {
        return idPrefix;
    }
}
