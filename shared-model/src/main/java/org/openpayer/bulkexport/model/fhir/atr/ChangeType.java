package org.openpayer.bulkexport.model.fhir.atr;

import java.util.Locale;

/**
 * ATR's {@code atr-changetype} codes: how a member differs from the Group's previous version. The server computes
 * them; a client's own changeType extensions are replaced.
 */
public enum ChangeType {
    NEW, CHANGED, NOCHANGE, DROPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
