package org.openpayer.bulkexport.synthetic;

/** One concept of a real code system, written as a FHIR Coding; the display may be {@code null}. */
record Code(String system, String code, String display) {
}
