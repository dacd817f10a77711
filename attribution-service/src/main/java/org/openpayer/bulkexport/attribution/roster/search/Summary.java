package org.openpayer.bulkexport.attribution.roster.search;

import org.openpayer.bulkexport.rest.FhirException;

import java.util.List;
import java.util.Locale;

/**
 * The {@code _summary} modes we serve for Groups. ATR asks clients to use {@code _summary=true} because a list can
 * hold 10^5 members: it leaves {@code member} (and {@code text}) out and tags the Group SUBSETTED; the members come
 * with the export. {@code count} (search only) returns just the total.
 */
public enum Summary {
    FALSE, TRUE, DATA, COUNT;

    public static Summary parse(List<String> values, boolean search) {
        if (values == null || values.isEmpty()) {
            return FALSE;
        }
        if (values.size() > 1) {
            throw FhirException.badRequest("_summary must not be repeated.");
        }
        Summary summary;
        try {
            summary = valueOf(values.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FhirException.notSupported("_summary=" + values.get(0) + " is not supported; use true, false, "
                    + "data" + (search ? " or count." : "."));
        }
        if (summary == COUNT && !search) {
            throw FhirException.notSupported("_summary=count applies to searches only.");
        }
        return summary;
    }

    public boolean withMembers() {
        return this == FALSE || this == DATA;
    }

    /** Whether the served Group lacks elements it has, which FHIR asks to mark with the SUBSETTED tag. */
    public boolean subsetted() {
        return this != FALSE;
    }
}
