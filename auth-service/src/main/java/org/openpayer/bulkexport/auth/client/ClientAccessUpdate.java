package org.openpayer.bulkexport.auth.client;

import java.util.List;

/**
 * What a client may be granted from now on: scopes, attribution Groups by id or by an identifier they carry, and the
 * payer it acts for in payer-to-payer exchange (none for providers). It applies to the next token; tokens already
 * issued keep what they carry until they expire (five minutes at most).
 */
public record ClientAccessUpdate(List<String> scopes, List<String> groupIds, List<String> groupIdentifiers,
                                 List<String> payerIdentifiers) {

    public ClientAccessUpdate {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        groupIdentifiers = groupIdentifiers == null ? List.of() : List.copyOf(groupIdentifiers);
        payerIdentifiers = payerIdentifiers == null ? List.of() : List.copyOf(payerIdentifiers);
    }
}
