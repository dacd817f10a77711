package org.openpayer.bulkexport.model.route;

import static org.openpayer.bulkexport.model.route.PublicPaths.BULK_STATUS;
import static org.openpayer.bulkexport.model.route.PublicPaths.FHIR;
import static org.openpayer.bulkexport.model.route.PublicPaths.FILES;
import static org.openpayer.bulkexport.model.route.PublicPaths.SMART_CONFIGURATION;

import java.util.List;
import java.util.Optional;

/**
 * The gateway's routing table, the only one: which service answers each public path. Routes are tried in order and
 * the first match wins, so the specific export operations come before the catch-all FHIR route of attribution-service.
 * Paths that match no route are not exposed (admin APIs stay inside the cluster).
 */
public final class RouteTable {

    public static final List<Route> PUBLIC = List.of(
            new Route(SMART_CONFIGURATION, Service.AUTH),
            new Route(FHIR + SMART_CONFIGURATION, Service.AUTH),
            new Route(PublicPaths.TOKEN, Service.AUTH),
            new Route(PublicPaths.JWKS, Service.AUTH),
            new Route(FHIR + "/$export", Service.EXPORT),
            new Route(FHIR + "/Patient/$export", Service.EXPORT),
            new Route(FHIR + "/Group/*/$export", Service.EXPORT),
            new Route(FHIR + "/Group/*/$davinci-data-export", Service.EXPORT),
            new Route(BULK_STATUS + "/**", Service.EXPORT),
            new Route(FILES + "/**", Service.FILE),
            new Route(FHIR + "/**", Service.ATTRIBUTION));

    private RouteTable() {
    }

    /** The service for a decoded request path, or empty when the path is not public. */
    public static Optional<Service> serviceFor(String path) {
        return PUBLIC.stream().filter(route -> route.matches(path)).map(Route::service).findFirst();
    }
}
