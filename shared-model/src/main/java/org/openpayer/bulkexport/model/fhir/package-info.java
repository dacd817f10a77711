/**
 * FHIR vocabulary shared by the services: resource types, identifier systems, export parameters, media types and the
 * OperationOutcome error shape. Plain Java and Jackson, no HAPI: HAPI model types stop at each service's mappers.
 */
package org.openpayer.bulkexport.model.fhir;
