package org.openpayer.bulkexport.model.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART resource scope, v1 or v2, in a single model: {@code system/Observation.rs} and
 * {@code system/Observation.read} both parse to read and search on Observation.
 *
 * @param context      {@code system}, {@code patient} or {@code user}
 * @param resourceType a FHIR type name, or {@code *} for every type
 * @param permissions  what the scope allows; never empty
 * @param syntax       the version the scope was written in, kept to echo grants back the same way
 */
public record SmartScope(String context, String resourceType, Set<Permission> permissions, ScopeSyntax syntax) {

    public static final String ANY_TYPE = "*";

    private static final Pattern FORM = Pattern.compile("(system|patient|user)/(\\*|[A-Z][A-Za-z]*)\\.([a-z*]+)");
    private static final Map<String, Set<Permission>> V1_PERMISSIONS = Map.of(
            "read", EnumSet.of(Permission.READ, Permission.SEARCH),
            "write", EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE),
            "*", EnumSet.allOf(Permission.class));

    public SmartScope {
        permissions = Set.copyOf(permissions);
        if (permissions.isEmpty()) {
            throw new InvalidScopeException("a scope grants at least one permission");
        }
    }

    /**
     * Parses one scope. v2 letters must be an in-order subset of {@code cruds}; we reject out-of-order or unknown
     * letters rather than guess what the client meant. Granular {@code ?param=} scopes are not supported yet.
     */
    public static SmartScope parse(String scope) {
        Matcher matcher = FORM.matcher(scope);
        if (!matcher.matches()) {
            throw new InvalidScopeException("not a SMART resource scope: " + scope);
        }
        String permissionText = matcher.group(3);
        Set<Permission> v1 = V1_PERMISSIONS.get(permissionText);
        if (v1 != null) {
            return new SmartScope(matcher.group(1), matcher.group(2), v1, ScopeSyntax.V1);
        }
        return new SmartScope(matcher.group(1), matcher.group(2), v2Permissions(scope, permissionText), ScopeSyntax.V2);
    }

    private static Set<Permission> v2Permissions(String scope, String letters) {
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        int next = 0;
        Permission[] ordered = Permission.values();
        for (char letter : letters.toCharArray()) {
            while (next < ordered.length && ordered[next].letter() != letter) {
                next++;
            }
            if (next == ordered.length) {
                throw new InvalidScopeException("permissions must be an in-order subset of cruds: " + scope);
            }
            permissions.add(ordered[next++]);
        }
        return permissions;
    }

    public boolean isSystem() {
        return "system".equals(context);
    }

    /** Whether this scope allows {@code permission} on {@code type}. */
    public boolean allows(String type, Permission permission) {
        return (ANY_TYPE.equals(resourceType) || resourceType.equals(type)) && permissions.contains(permission);
    }

    /**
     * The part of this (requested) scope that {@code allowed} also covers, in this scope's syntax; empty when they
     * share no type or no permission. Contexts must match: a {@code system/} policy grants nothing to {@code patient/}.
     */
    public Optional<SmartScope> intersect(SmartScope allowed) {
        if (!context.equals(allowed.context)) {
            return Optional.empty();
        }
        String type;
        if (resourceType.equals(allowed.resourceType) || ANY_TYPE.equals(allowed.resourceType)) {
            type = resourceType;
        } else if (ANY_TYPE.equals(resourceType)) {
            type = allowed.resourceType;
        } else {
            return Optional.empty();
        }
        EnumSet<Permission> common = EnumSet.noneOf(Permission.class);
        common.addAll(permissions);
        common.retainAll(allowed.permissions);
        return common.isEmpty() ? Optional.empty() : Optional.of(new SmartScope(context, type, common, syntax));
    }

    /**
     * The scope as the client would write it, in its own syntax. A v1 scope narrowed to permissions v1 cannot say
     * (read without search) is written in v2, which can.
     */
    public String render() {
        String prefix = context + "/" + resourceType + ".";
        if (syntax == ScopeSyntax.V1) {
            Optional<String> v1 = V1_PERMISSIONS.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(permissions))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (v1.isPresent()) {
                return prefix + v1.get();
            }
        }
        StringBuilder letters = new StringBuilder();
        for (Permission permission : Permission.values()) {
            if (permissions.contains(permission)) {
                letters.append(permission.letter());
            }
        }
        return prefix + letters;
    }
}
