package org.openpayer.bulkexport.model.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scopes of one access token, asked what they allow. Only {@code system/} scopes count in backend services. */
public record ScopeSet(List<SmartScope> scopes) {

    public ScopeSet {
        scopes = List.copyOf(scopes);
    }

    /** Parses a space-separated scope string, as in the token request and the {@code scope} claim. */
    public static ScopeSet parse(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return new ScopeSet(List.of());
        }
        return new ScopeSet(Arrays.stream(spaceSeparated.trim().split("\\s+")).map(SmartScope::parse).toList());
    }

    public boolean allows(String resourceType, Permission permission) {
        return scopes.stream().anyMatch(scope -> scope.isSystem() && scope.allows(resourceType, permission));
    }

    /** Reading is what export, status and file downloads need: {@code r} in v2, {@code .read} in v1. */
    public boolean canRead(String resourceType) {
        return allows(resourceType, Permission.READ);
    }

    /**
     * What may be granted of these (requested) scopes under a client's {@code allowed} policy: each requested scope
     * narrowed by every allowed scope it overlaps, so a grant never exceeds either side.
     */
    public ScopeSet intersect(ScopeSet allowed) {
        return new ScopeSet(scopes.stream()
                .flatMap(requested -> allowed.scopes.stream().map(requested::intersect).flatMap(Optional::stream))
                .distinct()
                .toList());
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    public String render() {
        return scopes.stream().map(SmartScope::render).collect(Collectors.joining(" "));
    }
}
