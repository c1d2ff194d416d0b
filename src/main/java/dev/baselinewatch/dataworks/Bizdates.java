package dev.baselinewatch.dataworks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Business dates in the project's time zone. DataWorks sends a bizdate as the epoch millisecond of
 * its local midnight ({@code 1553443200000} is 2019-03-25 in +08:00) and wants it back as
 * {@code yyyy-MM-dd'T'HH:mm:ssZ} with the project's offset, whatever the JVM's zone is.
 */
public final class Bizdates {

    private static final DateTimeFormatter REQUEST_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    private Bizdates() {}

    public static LocalDate fromEpochMillis(long epochMillis, ZoneId projectZone) {
        return Instant.ofEpochMilli(epochMillis).atZone(projectZone).toLocalDate();
    }

    public static long toEpochMillis(LocalDate bizdate, ZoneId projectZone) {
        return bizdate.atStartOfDay(projectZone).toInstant().toEpochMilli();
    }

    public static String toRequestParameter(LocalDate bizdate, ZoneId projectZone) {
        return REQUEST_FORMAT.format(bizdate.atStartOfDay(projectZone));
    }

    public static LocalDate fromRequestParameter(String value, ZoneId projectZone) {
        return ZonedDateTime.parse(value, REQUEST_FORMAT).withZoneSameInstant(projectZone).toLocalDate();
    }

    /** Daily instances run the day after their business date, so today's bizdate is yesterday. */
    public static LocalDate currentBizdate(long nowMillis, ZoneId projectZone) {
        return fromEpochMillis(nowMillis, projectZone).minusDays(1);
    }
}
