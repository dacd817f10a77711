package org.openpayer.bulkexport.attribution.payerpull;

/** A member's record at a stub payer, as NDJSON lines: the member is {@code Patient/r-1} there. */
final class RemoteRecords {

    static final String MEMBER = "r-1";

    private RemoteRecords() {
    }

    static String patient(String id) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"name\":[{\"family\":\"Person\",\"given\":"
                + "[\"Patricia\"]}],\"gender\":\"female\",\"birthDate\":\"1974-12-25\"}";
    }

    static String coverage(String id, String patient) {
        return "{\"resourceType\":\"Coverage\",\"id\":\"" + id + "\",\"status\":\"active\",\"subscriberId\":"
                + "\"DH10001235\",\"beneficiary\":{\"reference\":\"Patient/" + patient + "\"},\"payor\":"
                + "[{\"reference\":\"Organization/old-plan\"}]}";
    }

    static String observation(String id, String patient, String value) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"meta\":{\"versionId\":\"7\","
                + "\"lastUpdated\":\"2026-03-01T10:00:00Z\",\"profile\":[\"http://hl7.org/fhir/us/core/"
                + "StructureDefinition/us-core-observation-lab\"]},\"status\":\"final\",\"category\":[{\"coding\":"
                + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":"
                + "\"laboratory\"}]}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"4548-4\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"performer\":[{\"reference\":"
                + "\"Practitioner/dr-1\"}],\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"%\"}}";
    }

    static String condition(String id, String patient) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"code\":{\"text\":\"Diabetes\"},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"}}";
    }

    static String consent(String id, String patient) {
        return "{\"resourceType\":\"Consent\",\"id\":\"" + id + "\",\"status\":\"active\",\"scope\":{\"text\":"
                + "\"privacy\"},\"category\":[{\"text\":\"opt-out\"}],\"patient\":{\"reference\":\"Patient/" + patient
                + "\"}}";
    }

    /** A deleted file's line: a transaction Bundle with one DELETE. */
    static String deletion(String type, String id) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"request\":{\"method\":\"DELETE\","
                + "\"url\":\"" + type + "/" + id + "\"}}]}";
    }

    /** The stub's whole member record: Patient, Coverage, Observation, Condition and a Consent. */
    static StubScenario withMemberRecord(StubScenario scenario) {
        return scenario.file("Patient", patient(MEMBER))
                .file("Coverage", coverage("cov-1", MEMBER))
                .file("Observation", observation("obs-1", MEMBER, "6.1"))
                .file("Condition", condition("cond-1", MEMBER))
                .file("Consent", consent("consent-1", MEMBER));
    }
}
