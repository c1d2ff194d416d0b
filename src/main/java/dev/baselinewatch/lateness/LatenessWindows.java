package dev.baselinewatch.lateness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Where lateness windows begin and close, on DataWorks time. A business date's DAY windows close
 * {@code windowClose} after the midnight that starts its run day (the day after the business date,
 * when DataWorks runs it); an HOUR window holds the instances whose committed time falls in one hour
 * and closes {@code hourWindowGrace} after that hour ends. Both follow from the window's key alone,
 * so every instance and the window agree on when it closes.
 */
final class LatenessWindows {

    private LatenessWindows() {}

    static long runDayStart(LocalDate bizdate, ZoneId zone) {
        return bizdate.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    static long dayCloseAt(LocalDate bizdate, AlertPolicy policy) {
        return runDayStart(bizdate, policy.zone()) + policy.windowClose().toMillis();
    }

    static long hourStart(long committedAt, ZoneId zone) {
        return Instant.ofEpochMilli(committedAt).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant().toEpochMilli();
    }

    static long hourCloseAt(long committedAt, AlertPolicy policy) {
        return hourStart(committedAt, policy.zone()) + Duration.ofHours(1).toMillis() + policy.hourWindowGrace().toMillis();
    }

    /** Hours from the run day's midnight, as DataWorks writes committed times (24 and more: the next day). */
    static long hourOfRunDay(LocalDate bizdate, long committedAt, ZoneId zone) {
        return (hourStart(committedAt, zone) - runDayStart(bizdate, zone)) / Duration.ofHours(1).toMillis();
    }

    static String dayWindowId(String scope, long id, String bizdate) {
        return scope + ":" + id + ":" + bizdate + ":DAY";
    }

    static String hourWindowId(String scope, long id, String bizdate, long hourOfRunDay) {
        return scope + ":" + id + ":" + bizdate + ":HOUR" + String.format("%02d", hourOfRunDay);
    }
}
