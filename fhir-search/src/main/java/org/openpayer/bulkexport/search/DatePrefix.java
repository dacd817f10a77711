package org.openpayer.bulkexport.search;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * FHIR date search prefixes, as conditions between the resource's range {@code [low, high)} and the search value's
 * range {@code [pl, ph)} (FHIR R4 search §3.1.1.4: comparisons are between ranges, at the precision given).
 * {@code ap} is not offered: "approximately" has no definition two servers agree on.
 */
enum DatePrefix {
    EQ("%1$s >= ? and %2$s <= ?"),
    NE("not (%1$s >= ? and %2$s <= ?)"),
    GT("%2$s > ?"),
    LT("%1$s < ?"),
    GE("(%2$s > ? or %1$s >= ?)"),
    LE("(%1$s < ? or %2$s <= ?)"),
    SA("%1$s >= ?"),
    EB("%2$s <= ?");

    private final String template;

    DatePrefix(String template) {
        this.template = template;
    }

    /** The two-letter prefix a value starts with, if any. */
    static Optional<DatePrefix> of(String value) {
        if (value.length() < 2 || !Character.isLetter(value.charAt(0))) {
            return Optional.empty();
        }
        String letters = value.substring(0, 2).toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(prefix -> prefix.name().equals(letters)).findFirst();
    }

    /** The condition on the given low and high column expressions. */
    String sql(String low, String high) {
        return template.formatted(low, high);
    }

    /** The search range's bounds in the order {@link #sql} takes them. */
    Object[] binds(DateRange value) {
        Object pl = value.low().atOffset(ZoneOffset.UTC);
        Object ph = value.high().atOffset(ZoneOffset.UTC);
        return switch (this) {
            case EQ, NE -> new Object[] {pl, ph};
            case GT -> new Object[] {ph};
            case LT -> new Object[] {pl};
            case GE -> new Object[] {ph, pl};
            case LE -> new Object[] {pl, ph};
            case SA -> new Object[] {ph};
            case EB -> new Object[] {pl};
        };
    }
}
