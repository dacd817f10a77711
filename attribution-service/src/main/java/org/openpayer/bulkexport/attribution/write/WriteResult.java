package org.openpayer.bulkexport.attribution.write;

import org.openpayer.bulkexport.attribution.store.ResourceStore;

/**
 * The outcome of one create or update.
 *
 * @param resourceType the type written
 * @param id           the resource id (server-assigned on create)
 * @param stored       the version stored, or the existing one a conditional create matched
 * @param created      whether the resource is new (201) rather than updated or matched (200)
 * @param matched      whether a conditional create found the resource and stored nothing
 */
public record WriteResult(String resourceType, String id, ResourceStore.Stored stored, boolean created,
                          boolean matched) {
}
