/**
 * Vocabulary of the payer-to-payer pull (this payer as the new one): the {@code $payer-pull} operation's parameters
 * and the codes of the FHIR Task that shows a pull's progress and outcome. Written once for attribution-service, which
 * serves them, and for the clients and tests that read them. Plain Java, no HAPI.
 */
package org.openpayer.bulkexport.model.fhir.pull;
