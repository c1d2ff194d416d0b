package dev.baselinewatch.lateness;

import static dev.baselinewatch.lateness.LatenessHarness.KEY;
import static dev.baselinewatch.lateness.LatenessHarness.MINUTE;
import static dev.baselinewatch.lateness.LatenessHarness.SLA;
import static dev.baselinewatch.lateness.LatenessHarness.ZONE;
import static dev.baselinewatch.lateness.LatenessHarness.absent;
import static dev.baselinewatch.lateness.LatenessHarness.at;
import static dev.baselinewatch.lateness.LatenessHarness.blind;
import static dev.baselinewatch.lateness.LatenessHarness.run;
import static dev.baselinewatch.lateness.LatenessHarness.status;
import static dev.baselinewatch.lateness.LatenessHarness.topic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.alert.LatenessWindow;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.testing.RecordSchemas;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of record the job writes conforms to its published JSON Schema, and the schemas are
 * strict enough to catch a renamed, mistyped or missing field.
 */
class RecordSchemaTest {

    @Test
    void everyAlertKindInEveryStateConformsToTheAlertsSchema() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        List<InstanceOutcome> outcomes = new ArrayList<>();
        try (LatenessHarness h = new LatenessHarness(LatenessHarness.defaults())) {
            h.send(status("DANGEROUS", SLA + 30 * MINUTE, false, null), at(100));
            h.send(run(0, 21, "FAILURE", at(60), at(80), at(60), at(90)), at(101));
            h.send(run(1, 22, "RUNNING", at(60), null, at(60), at(70)), at(101));
            BaselineEvent waiting = run(2, 23, "WAIT_RESOURCE", null, null, at(120), at(150));
            waiting.run.beginWaitResTime = at(60);
            h.send(waiting, at(101));
            h.send(topic(KEY, 211, 21, "ERROR", "NEW"), at(102));
            h.send(topic(KEY, 212, 22, null, null), at(102));
            h.send(blind(true, at(100)), at(130));
            h.watermark(SLA + MINUTE);
            h.send(LatenessHarness.finished(SLA + 20 * MINUTE), SLA + 21 * MINUTE);
            alerts.addAll(h.alerts());
            h.forwarded().forEach(e -> events.add(RecordSchemas.asJson(e)));
            outcomes.addAll(h.outcomes());
        }
        try (LatenessHarness h = new LatenessHarness(LatenessHarness.defaults())) {
            h.send(absent(), at(60)).watermark(SLA).send(status("OVER", SLA + 60 * MINUTE, false, null), SLA + MINUTE);
            alerts.addAll(h.alerts());
        }
        assertThat(alerts).extracting(a -> a.kind).containsAll(EnumSet.allOf(AlertKind.class));
        assertThat(alerts).extracting(a -> a.state).contains(AlertState.FIRING, AlertState.RESOLVED);
        assertThat(alerts).anyMatch(a -> a.reason.startsWith("reminder"));
        for (Alert alert : alerts) {
            assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, RecordSchemas.asJson(alert))).as(alert.toString()).isEmpty();
        }
        assertThat(events).hasSize(2);
        for (JsonNode event : events) {
            assertThat(RecordSchemas.problems(RecordSchemas.EVENTS, event)).as(event.toString()).isEmpty();
        }

        LatenessWindowFunction windows = new LatenessWindowFunction(ZONE);
        WindowAssigner assigner = new WindowAssigner(LatenessHarness.defaults());
        List<InstanceOutcome> assigned = new ArrayList<>();
        for (InstanceOutcome o : outcomes) {
            assigner.flatMap(o, new org.apache.flink.api.common.functions.util.ListCollector<>(assigned));
        }
        assertThat(assigned).isNotEmpty();
        for (InstanceOutcome o : assigned) {
            LatenessWindow w = windows.summary(o.windowId, List.of(o), o.windowClosesAt);
            assertThat(RecordSchemas.problems(RecordSchemas.LATENESS, RecordSchemas.asJson(w))).as(w.toString()).isEmpty();
        }
    }

    @Test
    void anHourWindowConformsToTheLatenessSchema() {
        InstanceOutcome o = new InstanceOutcome();
        o.instance = new InstanceKey(1005, LatenessHarness.BIZDATE, 24).toString();
        o.baselineId = 1005;
        o.bizdate = LatenessHarness.BIZDATE.toString();
        o.inGroupId = 24;
        o.windows = InstanceOutcome.HOUR;
        o.committedAt = at(26 * 60 + 58);
        o.latenessMillis = 5 * MINUTE;
        List<InstanceOutcome> assigned = new ArrayList<>();
        new WindowAssigner(LatenessHarness.defaults().withWindows(java.time.Duration.ofHours(24), java.time.Duration.ofHours(1), Set.of()))
                .flatMap(o, new org.apache.flink.api.common.functions.util.ListCollector<>(assigned));
        LatenessWindow w = new LatenessWindowFunction(ZONE).summary(assigned.get(0).windowId, assigned, assigned.get(0).windowClosesAt);
        assertThat(w.windowId).isEqualTo("BASELINE:1005:2026-12-02:HOUR26");
        assertThat(RecordSchemas.problems(RecordSchemas.LATENESS, RecordSchemas.asJson(w))).isEmpty();
    }

    @Test
    void theSchemasCatchRenamedMistypedAndMissingFields() throws Exception {
        Alert alert;
        try (LatenessHarness h = new LatenessHarness(LatenessHarness.defaults())) {
            h.send(status("DANGEROUS", SLA + 30 * MINUTE, false, null), at(100));
            alert = h.alerts().get(0);
        }
        ObjectNode good = (ObjectNode) RecordSchemas.asJson(alert);
        assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, good)).isEmpty();

        ObjectNode renamed = good.deepCopy();
        renamed.set("latenessSecs", renamed.remove("latenessSeconds"));
        assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, renamed)).isNotEmpty();

        ObjectNode badKind = good.deepCopy().put("kind", "BASELINE_LATER");
        assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, badKind)).isNotEmpty();

        ObjectNode mistyped = good.deepCopy().put("sequence", "1");
        assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, mistyped)).isNotEmpty();

        ObjectNode missing = good.deepCopy();
        missing.remove("alertId");
        assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, missing)).isNotEmpty();

        ObjectNode badTime = good.deepCopy().put("committedTime", "2026-12-03 05:00");
        assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, badTime)).isNotEmpty();

        ObjectNode extraInBaseline = good.deepCopy();
        ((ObjectNode) extraInBaseline.get("baseline")).put("team", "payments");
        assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, extraInBaseline)).isNotEmpty();

        ObjectNode window = (ObjectNode) RecordSchemas.asJson(new LatenessWindow());
        assertThat(RecordSchemas.problems(RecordSchemas.LATENESS, window)).as("an empty window has no id, scope...").isNotEmpty();
    }
}
