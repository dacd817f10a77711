package org.openpayer.bulkexport.rest;

import io.quarkus.security.UnauthorizedException;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.security.AccessTokenClaims;
import org.openpayer.bulkexport.model.security.GroupGrant;
import org.openpayer.bulkexport.model.security.InvalidScopeException;
import org.openpayer.bulkexport.model.security.ScopeSet;

import java.util.HashSet;
import java.util.Set;

/**
 * The authenticated SMART client behind a request, as its verified access token describes it. Resources build it
 * from the {@link JsonWebToken} smallrye-jwt verified against auth-service's published keys, after
 * {@code @Authenticated} made sure there is one.
 *
 * @param clientId the token's subject: owner of the jobs and files it creates
 * @param scopes   the granted scopes
 * @param groups   the attribution Groups it may access
 */
public record Caller(String clientId, ScopeSet scopes, GroupGrant groups) {

    public static Caller from(JsonWebToken token) {
        String subject = token.getSubject();
        if (subject == null) {
            throw new UnauthorizedException();
        }
        ScopeSet scopes;
        try {
            scopes = ScopeSet.parse(token.getClaim(AccessTokenClaims.SCOPE));
        } catch (InvalidScopeException e) {
            throw FhirException.forbidden("The access token carries an unreadable scope.");
        }
        GroupGrant groups = new GroupGrant(
                strings(token.getClaim(AccessTokenClaims.GROUP_IDS)),
                strings(token.getClaim(AccessTokenClaims.GROUP_IDENTIFIERS)));
        return new Caller(subject, scopes, groups);
    }

    /** Refuses with 403 unless the token may read {@code resourceType}. */
    public void requireRead(String resourceType) {
        if (!scopes.canRead(resourceType)) {
            throw FhirException.forbidden("The access token does not allow reading " + resourceType
                    + "; ask for system/" + resourceType + ".rs (or system/*.rs).");
        }
    }

    /** The strings of a list claim, however the JWT library represents it; empty when absent. */
    static Set<String> strings(Object claim) {
        Set<String> result = new HashSet<>();
        if (claim instanceof JsonArray array) {
            array.stream()
                    .filter(value -> value.getValueType() == JsonValue.ValueType.STRING)
                    .forEach(value -> result.add(((JsonString) value).getString()));
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(value -> result.add(String.valueOf(value)));
        }
        return result;
    }
}
