package dev.baselinewatch.lateness;

import static dev.baselinewatch.lateness.LatenessHarness.BIZDATE;
import static dev.baselinewatch.lateness.LatenessHarness.GRACE;
import static dev.baselinewatch.lateness.LatenessHarness.KEY;
import static dev.baselinewatch.lateness.LatenessHarness.MINUTE;
import static dev.baselinewatch.lateness.LatenessHarness.SLA;
import static dev.baselinewatch.lateness.LatenessHarness.at;
import static dev.baselinewatch.lateness.LatenessHarness.blind;
import static dev.baselinewatch.lateness.LatenessHarness.finished;
import static dev.baselinewatch.lateness.LatenessHarness.status;
import static dev.baselinewatch.lateness.LatenessHarness.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.InstanceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of an alert: open, update, remind (up to the maximum), resolve; what silences hold
 * back; restarts from a snapshot in the middle of each state, which must neither open an alert twice
 * nor lose a resolve; and that an older business date never touches the current one.
 */
class AlertLifecycleTest {

    private LatenessHarness h;

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void remindersComeAtTheIntervalAndStopAtTheMaximum() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withRepeats(Duration.ofMinutes(30), 2));
        h.send(blind(true, at(100)), at(130));
        h.watermark(at(159));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");

        h.watermark(at(160));
        assertThat(h.alerts().get(1).reason).startsWith("reminder 1 of 2, firing since 2026-12-03T02:10+08:00: cannot poll");
        h.watermark(at(190));
        h.watermark(at(600));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT FIRING #2", "BLIND_SPOT FIRING #3");
        assertThat(h.alerts().get(2).reason).startsWith("reminder 2 of 2,");

        h.send(blind(false, at(610)), at(610));
        assertThat(h.log()).endsWith("BLIND_SPOT RESOLVED #4");
        finishAndForget(at(620));
    }

    @Test
    void anUpdateIsNewsSoTheNextReminderWaitsAFullIntervalFromIt() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults());
        h.send(blind(true, at(100)), at(130));
        BaselineEvent lowerPriority = blind(true, at(100));
        lowerPriority.baselineInfo.priority = 5;
        h.send(lowerPriority, at(150));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT FIRING #2");
        assertThat(h.alerts().get(1).reason).endsWith("(severity MAJOR → WARNING)");

        h.watermark(at(179));
        assertThat(h.alerts()).hasSize(2);
        h.watermark(at(180));
        assertThat(h.log()).endsWith("BLIND_SPOT FIRING #3");
    }

    @Test
    void aProjectedFinishMovingBeyondTheThresholdUpdatesTheAlert() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withRepeats(Duration.ofMinutes(30), 0));
        h.send(status("DANGEROUS", SLA + 30 * MINUTE, false, null), at(100));
        h.send(status("DANGEROUS", SLA + 40 * MINUTE, false, null), at(105));
        assertThat(h.log()).as("ten minutes is below the threshold").containsExactly("BASELINE_AT_RISK FIRING #1");

        h.send(status("DANGEROUS", SLA + 60 * MINUTE, false, null), at(110));
        h.send(status("DANGEROUS", SLA + 10 * MINUTE, false, null), at(115));
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_AT_RISK FIRING #2", "BASELINE_AT_RISK FIRING #3");
        assertThat(h.alerts().get(1).reason)
                .endsWith("(projected finish 2026-12-03T05:30+08:00 → 2026-12-03T06:00+08:00)");
        assertThat(h.alerts().get(2).projectedFinish).isEqualTo("2026-12-03T05:10+08:00");
        assertThat(h.alerts().get(2).latenessSeconds).isEqualTo(600);
    }

    @Test
    void restoredWhileFiringItNeitherReopensNorLosesTheResolve() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults());
        h.send(blind(true, at(100)), at(130));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");

        h = h.restart();
        h.send(blind(true, at(100)), at(135));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");
        h.send(blind(false, at(140)), at(140));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT RESOLVED #2");
        finishAndForget(at(150));
    }

    @Test
    void restoredAfterAnUpdateItGoesOnFromThePublishedState() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults());
        h.send(status("DANGEROUS", SLA + 30 * MINUTE, false, null), at(100));
        h.send(status("DANGEROUS", SLA + 60 * MINUTE, false, null), at(101));
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_AT_RISK FIRING #2");

        h = h.restart();
        h.send(status("DANGEROUS", SLA + 60 * MINUTE, false, null), at(102));
        assertThat(h.alerts()).hasSize(2);
        finishAndForget(at(200));
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_AT_RISK FIRING #2", "BASELINE_AT_RISK RESOLVED #3");
    }

    @Test
    void restoredWhileRepeatingTheNextReminderComesOnceOnTime() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults());
        h.send(blind(true, at(100)), at(130));
        h.watermark(at(160));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT FIRING #2");

        h = h.restart();
        h.watermark(at(160));
        h.watermark(at(189));
        assertThat(h.alerts()).hasSize(2);
        h.watermark(at(190));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT FIRING #2", "BLIND_SPOT FIRING #3");
        assertThat(h.alerts().get(2).reason).startsWith("reminder 2 of 3,");
        h.send(blind(false, at(200)), at(200));
        assertThat(h.log()).endsWith("BLIND_SPOT FIRING #3", "BLIND_SPOT RESOLVED #4");
        finishAndForget(at(210));
    }

    @Test
    void restoredInTheGracePeriodItResolvesNothingTwiceAndIsForgottenOnTime() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults());
        h.send(status("DANGEROUS", SLA + 30 * MINUTE, false, null), at(100));
        h.send(finished(at(200)), at(201));
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_AT_RISK RESOLVED #2");

        h = h.restart();
        // The source asked once more before it saw the checkpoint: the same finish again.
        h.send(finished(at(200)), at(202));
        h.watermark(at(201) + GRACE.toMillis() - 1);
        assertThat(h.harness.numKeyedStateEntries()).isPositive();
        h.watermark(at(201) + GRACE.toMillis());
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_AT_RISK RESOLVED #2");
        h.assertForgotten();
    }

    @Test
    void restoredWhileSilencedTheAlertIsPublishedOnceWhenTheSilenceEnds() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withSilences(List.of(silence(Set.of(), Set.of(AlertKind.BLIND_SPOT), at(200)))));
        h.send(blind(true, at(100)), at(130));
        assertThat(h.alerts()).isEmpty();

        h = h.restart();
        h.watermark(at(199));
        assertThat(h.alerts()).isEmpty();
        h.watermark(at(200));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");
        h.send(blind(false, at(210)), at(210));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT RESOLVED #2");
        finishAndForget(at(220));
    }

    @Test
    void aSilenceHoldsBackAnAlertThatIsPublishedWhenItEndsIfStillFiring() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withSilences(List.of(silence(Set.of(1002L), Set.of(AlertKind.BLIND_SPOT), at(200)))));
        h.send(blind(true, at(100)), at(130));
        h.watermark(at(199));
        assertThat(h.alerts()).isEmpty();

        h.watermark(at(200));
        Alert published = h.alerts().get(0);
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");
        assertThat(published.reason).endsWith("(held back by a silence until now)");
        assertThat(published.firstSeen).as("when it really began").isEqualTo("2026-12-03T02:10+08:00");
        assertThat(published.lastUpdated).isEqualTo("2026-12-03T03:20+08:00");
        h.watermark(at(230));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT FIRING #2");
    }

    @Test
    void anAlertThatOpensAndResolvesInsideASilenceIsNeverPublished() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withSilences(List.of(silence(Set.of(), Set.of(AlertKind.BLIND_SPOT), at(200)))));
        h.send(blind(true, at(100)), at(130));
        h.send(blind(false, at(150)), at(150));
        h.watermark(at(300));
        assertThat(h.alerts()).isEmpty();

        h.send(blind(true, at(300)), at(330));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");
    }

    @Test
    void aSilenceNeverHoldsBackTheResolveOfAnAlertConsumersSawFiring() throws Exception {
        Silence silence = new Silence(Set.of(), Set.of(10L), Set.of(), Set.of(), Instant.ofEpochMilli(at(150)),
                Instant.ofEpochMilli(at(300)), "upstream maintenance");
        h = new LatenessHarness(LatenessHarness.defaults().withSilences(List.of(silence)));
        h.send(blind(true, at(100)), at(130));
        h.watermark(at(170));
        assertThat(h.log()).as("the reminder at 02:40 is held back").containsExactly("BLIND_SPOT FIRING #1");

        h.send(blind(false, at(175)), at(175));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT RESOLVED #2");
    }

    @Test
    void aSilenceOfAnotherProjectOwnerOrKindHoldsNothingBack() throws Exception {
        long until = at(300);
        h = new LatenessHarness(LatenessHarness.defaults().withSilences(List.of(
                new Silence(Set.of(), Set.of(11L), Set.of(), Set.of(), null, Instant.ofEpochMilli(until), null),
                new Silence(Set.of(), Set.of(), Set.of("someone-else"), Set.of(), null, Instant.ofEpochMilli(until), null),
                new Silence(Set.of(1002L), Set.of(), Set.of(), Set.of(AlertKind.NO_DATA), null, Instant.ofEpochMilli(until), null))));
        h.send(blind(true, at(100)), at(130));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");
    }

    @Test
    void anEventForAnOlderBusinessDateNeverResolvesTheCurrentInstance() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withRepeats(Duration.ofMinutes(30), 0));
        h.send(status("DANGEROUS", SLA + 60 * MINUTE, false, null), at(100));
        h.send(topic(KEY, 3001, 25, "ERROR", "NEW"), at(101));
        h.watermark(SLA);
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "EVENT_OPENED FIRING #1", "BASELINE_LATE FIRING #1");

        // Yesterday's instance of the same baseline: it finished (in time), and its event on the same node recovered.
        InstanceKey yesterday = new InstanceKey(KEY.baselineId(), BIZDATE.minusDays(1), 1);
        long yesterdayFinish = SLA - Duration.ofDays(1).toMillis() - 60 * MINUTE;
        h.send(status(yesterday, "SAFE", yesterdayFinish, true, yesterdayFinish), SLA + MINUTE);
        h.send(topic(yesterday, 3001, 25, "ERROR", "RECOVER"), SLA + MINUTE);

        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "EVENT_OPENED FIRING #1", "BASELINE_LATE FIRING #1");
        assertThat(h.alerts()).allMatch(a -> a.instance.equals(KEY.toString()) && a.state == AlertState.FIRING);
    }

    @Test
    void anOlderAnswerNeverReplacesANewerStatus() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withRepeats(Duration.ofMinutes(30), 0));
        h.send(status("OVER", SLA + 60 * MINUTE, false, null), SLA + 10 * MINUTE);
        // A retried call answered at 04:50 arrives after the 05:10 answer: its "finished" is not the latest word.
        h.send(finished(at(280)), at(290));
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_LATE FIRING #1");
    }

    private static Silence silence(Set<Long> baselines, Set<AlertKind> kinds, long until) {
        return new Silence(baselines, Set.of(), Set.of(), kinds, null, Instant.ofEpochMilli(until), "test");
    }

    private void finishAndForget(long finish) throws Exception {
        h.send(finished(finish), finish + MINUTE);
        h.watermark(finish + MINUTE + GRACE.toMillis());
        h.assertForgotten();
    }
}
