/**
 * The REST conventions every service shares, discovered by Quarkus through this jar's Jandex index: errors become
 * FHIR OperationOutcomes with a precise status (never a stack trace), missing or bad tokens get {@code 401} with
 * {@code WWW-Authenticate: Bearer}, admin APIs need the operator's key, and a verified token becomes the {@link
 * org.openpayer.bulkexport.rest.Caller} that authorization checks ask. Only this package is in the jar's Jandex index.
 */
package org.openpayer.bulkexport.rest;
