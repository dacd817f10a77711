package org.openpayer.bulkexport.attribution.roster;

import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code identifier} search of Groups with FHIR token semantics: {@code system|value}, or a bare {@code value} in
 * any system; commas OR values within one parameter, repeated parameters AND.
 */
final class GroupIdentifierQuery {

    private final GroupRepository groups;

    GroupIdentifierQuery(GroupRepository groups) {
        this.groups = groups;
    }

    /** Matching Group ids in a stable order; every Group when there is no identifier parameter. */
    List<String> matchingIds(List<String> identifierParameters) throws SQLException {
        if (identifierParameters == null || identifierParameters.isEmpty()) {
            return groups.allIds();
        }
        Set<String> result = null;
        for (String parameter : identifierParameters) {
            Set<String> anyOf = new LinkedHashSet<>();
            for (String token : parameter.split(",")) {
                anyOf.addAll(idsFor(token));
            }
            if (result == null) {
                result = anyOf;
            } else {
                result.retainAll(anyOf);
            }
        }
        return new ArrayList<>(result);
    }

    private List<String> idsFor(String token) throws SQLException {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return groups.idsByIdentifier(null, requireValue(token));
        }
        String system = token.substring(0, bar);
        return groups.idsByIdentifier(system.isEmpty() ? null : system, requireValue(token.substring(bar + 1)));
    }

    private static String requireValue(String value) {
        if (value.isBlank()) {
            throw FhirException.badRequest("identifier needs a value: identifier=[system|]value.");
        }
        return value;
    }
}
