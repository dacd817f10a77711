package org.openpayer.bulkexport.attribution.search;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

/** The one catalog of search parameters, read from the service's FHIR context once. */
final class SearchCatalogProducer {

    @Produces
    @Singleton
    SearchParameterCatalog searchParameters(FhirJson fhir) {
        return new SearchParameterCatalog(fhir.context());
    }
}
