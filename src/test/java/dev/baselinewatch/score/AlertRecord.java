package dev.baselinewatch.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The few fields of one alert record the scorer judges by, read leniently: the kind stays text, so
 * kinds this build does not know (NODE_FAILED, BLIND_SPOT, NO_DATA... added by newer jobs) are
 * counted, never refused.
 *
 * @param firstSeen DataWorks time the alert opened (its {@code firstSeen}); null if the record has none
 * @param deliveredAt DataWorks time (the simulator's clock) when a {@code read_committed} consumer got
 *     the record; null when not measured (hand-made records)
 */
public record AlertRecord(
        String alertId,
        String kind,
        String state,
        int sequence,
        long baselineId,
        LocalDate bizdate,
        int inGroupId,
        Instant firstSeen,
        Instant deliveredAt) {

    public static final String AT_RISK = "BASELINE_AT_RISK";
    public static final String LATE = "BASELINE_LATE";
    public static final String FIRING = "FIRING";

    /** A record as published on the alerts topic; {@code deliveredAt} may be null. */
    public static AlertRecord of(JsonNode json, Instant deliveredAt) {
        String[] instance = json.path("instance").asText().split(":");
        if (instance.length != 3) {
            throw new IllegalArgumentException("alert without an instance key (baselineId:bizdate:inGroupId): " + json);
        }
        return new AlertRecord(
                json.path("alertId").asText(),
                json.path("kind").asText(),
                json.path("state").asText(),
                json.path("sequence").asInt(),
                Long.parseLong(instance[0]),
                LocalDate.parse(instance[1]),
                Integer.parseInt(instance[2]),
                instant(json.path("firstSeen")),
                deliveredAt);
    }

    /** What counts as alerting an instance: a FIRING record of one of the two lateness kinds. */
    public boolean isLatenessFiring() {
        return FIRING.equals(state) && (AT_RISK.equals(kind) || LATE.equals(kind));
    }

    public String instanceKey() {
        return baselineId + ":" + bizdate + ":" + inGroupId;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
    }
}
