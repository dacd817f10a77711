package org.openpayer.bulkexport.export.config;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

/**
 * The search parameters {@code _typeFilter} may use: the same catalog attribution-service indexes by, so a filter
 * checked at kick-off is one the worker can apply over the search tables.
 */
final class SearchCatalogProducer {

    @Produces
    @Singleton
    SearchParameterCatalog searchParameters() {
        return new SearchParameterCatalog(FhirContext.forR4Cached());
    }
}
