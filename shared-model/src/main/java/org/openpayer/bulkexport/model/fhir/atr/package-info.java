/**
 * Da Vinci ATR and PDex vocabulary and the member element as a Group version serves it: shared because
 * attribution-service serves Groups and export workers export them, and both must write the same JSON.
 */
package org.openpayer.bulkexport.model.fhir.atr;
