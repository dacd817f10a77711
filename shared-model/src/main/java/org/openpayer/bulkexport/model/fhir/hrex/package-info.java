/**
 * Da Vinci vocabulary of payer-to-payer member matching (HRex {@code $member-match}, PDex's {@code $bulk-member-match})
 * and of the member's Consent it carries: shared because attribution-service matches members and stores their
 * Consents, and the payer-to-payer export evaluates those Consents with the same policy codes and sensitive labels.
 * Plain Java, no HAPI.
 */
package org.openpayer.bulkexport.model.fhir.hrex;
