package org.openpayer.bulkexport.attribution.write;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.Optional;

/**
 * One entry of a transaction or batch, checked for shape: {@code POST Type} with a resource, {@code PUT Type/id}
 * with a resource, or {@code DELETE Type/id}. Conditional updates and deletes ({@code ?} in the url) and reads are
 * not offered in Bundles.
 *
 * @param index       the entry's position, for messages
 * @param method      POST, PUT or DELETE
 * @param type        the resource type the url names
 * @param id          the id the url names (PUT, DELETE), or {@code null}
 * @param resource    the entry's resource (POST, PUT), or {@code null}
 * @param fullUrl     the entry's fullUrl, which references inside the Bundle may use
 * @param ifNoneExist a POST's condition, or {@code null}
 * @param ifMatch     a PUT's expected version
 */
record BundleEntryRequest(int index, Bundle.HTTPVerb method, ResourceType type, String id, Resource resource,
                          String fullUrl, String ifNoneExist, Optional<Long> ifMatch) {

    static BundleEntryRequest of(int index, Bundle.BundleEntryComponent entry) {
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        if (request == null || request.getMethod() == null || request.getUrl() == null) {
            throw entryError(index, "needs request.method and request.url.");
        }
        Bundle.HTTPVerb method = request.getMethod();
        String url = request.getUrl();
        if (url.contains("?")) {
            throw entryError(index, "conditional " + method + " (" + url + ") is not supported in Bundles.");
        }
        String[] segments = url.startsWith("/") ? url.substring(1).split("/") : url.split("/");
        ResourceType type = ResourceType.byName(segments[0])
                .orElseThrow(() -> entryError(index, "names an unknown resource type: " + url));
        Resource resource = entry.getResource();
        return switch (method) {
            case POST -> {
                requireShape(index, segments.length == 1 && resource != null, "POST needs url 'Type' and a resource.");
                yield new BundleEntryRequest(index, method, type, null, resource, entry.getFullUrl(),
                        request.getIfNoneExist(), Optional.empty());
            }
            case PUT -> {
                requireShape(index, segments.length == 2 && resource != null,
                        "PUT needs url 'Type/id' and a resource.");
                yield new BundleEntryRequest(index, method, type, segments[1], resource, entry.getFullUrl(), null,
                        FhirWrites.expectedVersion(request.getIfMatch()));
            }
            case DELETE -> {
                requireShape(index, segments.length == 2, "DELETE needs url 'Type/id'.");
                yield new BundleEntryRequest(index, method, type, segments[1], null, null, null, Optional.empty());
            }
            default -> throw entryError(index, method + " is not supported in Bundles; search and read directly.");
        };
    }

    /** The SMART permission the entry needs. */
    Permission permission() {
        return switch (method) {
            case POST -> Permission.CREATE;
            case PUT -> Permission.UPDATE;
            default -> Permission.DELETE;
        };
    }

    /** What the entry does, for messages: {@code POST Observation}, {@code PUT Patient/123}. */
    String describe() {
        return method + " " + type.name() + (id == null ? "" : "/" + id);
    }

    /** Prefixes an entry's refusal with which entry it was, keeping its status. */
    FhirException explain(FhirException refusal) {
        return new FhirException(refusal.status(), refusal.issueType(),
                "Bundle entry " + index + " (" + describe() + "): " + refusal.getMessage());
    }

    private static void requireShape(int index, boolean valid, String rule) {
        if (!valid) {
            throw entryError(index, rule);
        }
    }

    private static FhirException entryError(int index, String problem) {
        return FhirException.badRequest("Bundle entry " + index + " " + problem);
    }
}
