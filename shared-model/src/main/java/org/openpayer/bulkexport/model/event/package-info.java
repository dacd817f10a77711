/**
 * Kafka event contracts: one record per fact, named in the past tense, each starting with {@code jobId} and
 * {@code occurredAt}. Events carry ids, references and counts, never FHIR resources. This package depends only on the
 * JDK and Jackson annotations; {@link org.openpayer.bulkexport.model.event.Topic} ties each record to its topic.
 */
package org.openpayer.bulkexport.model.event;
