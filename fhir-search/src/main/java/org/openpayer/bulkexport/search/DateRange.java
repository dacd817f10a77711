package org.openpayer.bulkexport.search;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The instants a FHIR date, dateTime, instant or Period covers, as the half-open range {@code [low, high)}: a date
 * of day precision covers its whole day, a year its whole year. Values without a time zone (dates) are taken in UTC,
 * so every instance and every client agree on them. Open ends are {@link #MIN} and {@link #MAX}.
 *
 * @param low  first instant covered
 * @param high first instant after the range
 */
public record DateRange(Instant low, Instant high) {

    /** PostgreSQL's timestamptz range, which the index stores open ends as (±infinity would not map to Instant). */
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    public DateRange {
        if (high.isBefore(low)) {
            throw new IllegalArgumentException("Range ends before it starts: " + low + " > " + high);
        }
    }

    public static DateRange of(BaseDateTimeType value) {
        TemporalPrecisionEnum precision = value.getPrecision();
        Instant low = switch (precision) {
            case YEAR -> startOfUtcDay(value.getYear(), 1, 1);
            case MONTH -> startOfUtcDay(value.getYear(), value.getMonth() + 1, 1);
            case DAY -> startOfUtcDay(value.getYear(), value.getMonth() + 1, value.getDay());
            default -> value.getValue().toInstant();
        };
        Instant high = switch (precision) {
            case YEAR -> low.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
            case MONTH -> low.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
            case DAY -> low.plus(1, ChronoUnit.DAYS);
            case MINUTE -> low.plus(1, ChronoUnit.MINUTES);
            case SECOND -> low.plus(1, ChronoUnit.SECONDS);
            case MILLI -> low.plus(1, ChronoUnit.MILLIS);
        };
        return new DateRange(low, high);
    }

    private static Instant startOfUtcDay(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A search value such as {@code 2024}, {@code 2024-03-01} or {@code 2024-03-01T10:00:00Z}. */
    public static DateRange parse(String value) {
        try {
            DateTimeType parsed = new DateTimeType(value);
            if (parsed.getValue() == null) {
                throw new IllegalArgumentException("'" + value + "' is not a FHIR date.");
            }
            return of(parsed);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a FHIR date, dateTime or instant.", e);
        }
    }

    /** One instant, such as {@code meta.lastUpdated}: covered to the millisecond it names. */
    public static DateRange at(Instant instant) {
        return new DateRange(instant, instant.plusMillis(1));
    }

    /** A Period's range; a missing start or end leaves that side open. */
    public static DateRange between(BaseDateTimeType start, BaseDateTimeType end) {
        Instant low = start == null || start.isEmpty() ? MIN : of(start).low();
        Instant high = end == null || end.isEmpty() ? MAX : of(end).high();
        return new DateRange(low, high.isBefore(low) ? low : high);
    }
}
