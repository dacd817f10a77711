/**
 * Da Vinci HRex vocabulary of payer-to-payer member matching ({@code $member-match}) and of the member's Consent it
 * carries: shared because attribution-service matches members and stores their Consents, and the payer-to-payer
 * export evaluates those Consents with the same policy codes. Plain Java, no HAPI.
 */
package org.openpayer.bulkexport.model.fhir.hrex;
