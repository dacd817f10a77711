package org.openpayer.bulkexport.attribution.roster;

import org.openpayer.bulkexport.model.security.GroupGrant;

/** An identifier a Group carries (NPI, TIN, contract id); discovery searches and access grants match on these. */
public record GroupIdentifier(String system, String value) {

    /** The {@code system|value} form used in search parameters and token grants. */
    public String token() {
        return GroupGrant.identifierToken(system, value);
    }
}
