package dev.baselinewatch.lateness;

import static dev.baselinewatch.lateness.LatenessHarness.EXP;
import static dev.baselinewatch.lateness.LatenessHarness.GRACE;
import static dev.baselinewatch.lateness.LatenessHarness.KEY;
import static dev.baselinewatch.lateness.LatenessHarness.MINUTE;
import static dev.baselinewatch.lateness.LatenessHarness.SLA;
import static dev.baselinewatch.lateness.LatenessHarness.absent;
import static dev.baselinewatch.lateness.LatenessHarness.at;
import static dev.baselinewatch.lateness.LatenessHarness.blind;
import static dev.baselinewatch.lateness.LatenessHarness.finished;
import static dev.baselinewatch.lateness.LatenessHarness.run;
import static dev.baselinewatch.lateness.LatenessHarness.safe;
import static dev.baselinewatch.lateness.LatenessHarness.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.alert.Severity;
import dev.baselinewatch.event.BaselineEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each alert kind beyond the baseline's own deadlines: when it opens, updates and resolves, with no
 * reminders in the way (they have their own tests), and that the instance leaves no state or timer
 * behind once it finished and the grace period passed.
 */
class AlertKindsTest {

    private LatenessHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new LatenessHarness(LatenessHarness.defaults().withRepeats(Duration.ofMinutes(30), 0));
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void nodeFailedFiresThroughTheRerunAndResolvesWhenTheNodeSucceeds() throws Exception {
        h.send(safe(), at(60));
        h.send(run(0, 21, "FAILURE", at(60), at(80), at(60), at(90)), at(85));
        Alert failed = last(AlertKind.NODE_FAILED);
        assertThat(failed.state).isEqualTo(AlertState.FIRING);
        assertThat(failed.severity).isEqualTo(Severity.MAJOR);
        assertThat(failed.alertId).isEqualTo("1002:2026-12-02:1:NODE_FAILED");
        assertThat(failed.culprit.nodeName).isEqualTo("node-21");
        assertThat(failed.culprit.owner).isEqualTo("owner-21");
        assertThat(failed.culprit.status).isEqualTo("FAILURE");
        assertThat(failed.culprit.cycle).isEqualTo(1);
        assertThat(failed.reason).isEqualTo("key-path node node-21 failed");

        h = h.restart();
        BaselineEvent rerun = run(0, 21, "RUNNING", at(100), null, at(60), at(90));
        rerun.run.runCount = 2;
        h.send(rerun, at(101));
        assertThat(h.log()).containsExactly("NODE_FAILED FIRING #1");

        BaselineEvent success = run(0, 21, "SUCCESS", at(100), at(125), at(60), at(90));
        success.run.runCount = 2;
        h.send(success, at(126));
        assertThat(h.log()).containsExactly("NODE_FAILED FIRING #1", "NODE_FAILED RESOLVED #2");
        assertThat(last(AlertKind.NODE_FAILED).reason).isEqualTo("the failed node succeeded");
        assertThat(last(AlertKind.NODE_FAILED).culprit.status).isEqualTo("SUCCESS");

        finishAndForget(at(190));
    }

    @Test
    void aRerunSeenWithoutItsFailureStillSaysTheNodeFailed() throws Exception {
        h.send(safe(), at(60));
        BaselineEvent rerun = run(0, 21, "RUNNING", at(100), null, at(60), at(90));
        rerun.run.runCount = 2;
        h.send(rerun, at(101));
        assertThat(h.log()).containsExactly("NODE_FAILED FIRING #1");
        assertThat(last(AlertKind.NODE_FAILED).reason).isEqualTo("key-path node node-21 failed and is being rerun (run 2, RUNNING)");
        BaselineEvent success = run(0, 21, "SUCCESS", at(100), at(125), at(60), at(90));
        success.run.runCount = 2;
        h.send(success, at(126));
        assertThat(h.log()).containsExactly("NODE_FAILED FIRING #1", "NODE_FAILED RESOLVED #2");
    }

    @Test
    void nodeSlowFiresOnItsOwnTimerWhenANodeRunsTwiceItsHistory() throws Exception {
        h.send(safe(), at(50));
        // 30 minutes of history: slow at 60 (twice as long, and at least 10 minutes over).
        h.send(run(0, 22, "RUNNING", at(60), null, at(60), at(90)), at(61));
        h.watermark(at(119));
        assertThat(h.alerts()).isEmpty();

        h.watermark(at(120));
        Alert slow = last(AlertKind.NODE_SLOW);
        assertThat(h.log()).containsExactly("NODE_SLOW FIRING #1");
        assertThat(slow.severity).isEqualTo(Severity.WARNING);
        assertThat(slow.culprit.nodeName).isEqualTo("node-22");
        assertThat(slow.culprit.slipSeconds).isEqualTo(30 * 60);
        assertThat(slow.reason).isEqualTo("key-path node node-22 running for 1h00m, 2.0x its usual 30m");

        h = h.restart();
        h.send(run(0, 22, "SUCCESS", at(60), at(140), at(60), at(90)), at(141));
        assertThat(h.log()).containsExactly("NODE_SLOW FIRING #1", "NODE_SLOW RESOLVED #2");
        assertThat(last(AlertKind.NODE_SLOW).reason).isEqualTo("the slow node is no longer running");

        finishAndForget(at(190));
    }

    @Test
    void aCulpritChangeUpdatesTheNodeSlowAlert() throws Exception {
        h.send(safe(), at(50));
        h.send(run(0, 22, "RUNNING", at(60), null, at(60), at(90)), at(61));
        h.send(run(1, 23, "RUNNING", at(60), null, at(60), at(70)), at(61));
        h.watermark(at(90));
        assertThat(h.log()).containsExactly("NODE_SLOW FIRING #1");
        assertThat(last(AlertKind.NODE_SLOW).culprit.nodeName).isEqualTo("node-23");

        // The first node on the path is slow now too: it is the one holding the finish back.
        h.watermark(at(120));
        assertThat(h.log()).containsExactly("NODE_SLOW FIRING #1", "NODE_SLOW FIRING #2");
        assertThat(last(AlertKind.NODE_SLOW).culprit.nodeName).isEqualTo("node-22");
        assertThat(last(AlertKind.NODE_SLOW).reason).endsWith("(culprit node-23 → node-22)");
    }

    @Test
    void waitingForResourcesFiresAfterTheThresholdAndResolvesWhenTheNodeRuns() throws Exception {
        h.send(safe(), at(50));
        BaselineEvent waiting = run(0, 24, "WAIT_RESOURCE", null, null, at(60), at(90));
        waiting.run.beginWaitResTime = at(60);
        h.send(waiting, at(61));
        h.watermark(at(89));
        assertThat(h.alerts()).isEmpty();

        h.watermark(at(90));
        assertThat(h.log()).containsExactly("WAITING_FOR_RESOURCES FIRING #1");
        assertThat(last(AlertKind.WAITING_FOR_RESOURCES).severity).isEqualTo(Severity.WARNING);
        assertThat(last(AlertKind.WAITING_FOR_RESOURCES).reason).isEqualTo("key-path node node-24 waiting for resources for 30m");

        h = h.restart();
        h.send(run(0, 24, "RUNNING", at(95), null, at(60), at(90)), at(96));
        assertThat(h.log()).containsExactly("WAITING_FOR_RESOURCES FIRING #1", "WAITING_FOR_RESOURCES RESOLVED #2");

        finishAndForget(at(190));
    }

    @Test
    void eventOpenedFiresWhileAnyEventIsOpenAndEachEventIsForwardedOnce() throws Exception {
        h.send(safe(), at(50));
        h.send(run(0, 25, "RUNNING", at(60), null, at(60), at(120)), at(61));
        h.send(topic(KEY, 251, 25, "SLOW", null), at(70));
        assertThat(h.log()).containsExactly("EVENT_OPENED FIRING #1");
        Alert opened = last(AlertKind.EVENT_OPENED);
        assertThat(opened.severity).isEqualTo(Severity.WARNING);
        assertThat(opened.culprit.nodeName).isEqualTo("node-25");
        assertThat(opened.culprit.owner).isEqualTo("owner-25");
        assertThat(opened.reason).isEqualTo("DataWorks event node-25变慢 (SLOW) open on node-25");

        h.send(topic(KEY, 252, 25, "ERROR", "NEW"), at(80));
        h = h.restart();
        h.send(topic(KEY, 251, 25, "SLOW", "RECOVER"), at(90));
        assertThat(h.log()).as("one event still open").containsExactly("EVENT_OPENED FIRING #1");

        h.send(topic(KEY, 252, 25, "ERROR", "IGNORE"), at(100));
        assertThat(h.log()).containsExactly("EVENT_OPENED FIRING #1", "EVENT_OPENED RESOLVED #2");
        assertThat(last(AlertKind.EVENT_OPENED).reason).isEqualTo("DataWorks events recovered or ignored");
        assertThat(h.forwarded()).extracting(f -> f.topicId + " " + f.topicStatus + " " + f.baseline.name + " " + f.nodeOwner)
                .containsExactly("251 null payments_daily owner-25", "252 NEW payments_daily owner-25");

        finishAndForget(at(190));
    }

    @Test
    void eventsSeenBeforeTheBaselineCanBeNamedAreForwardedOnceItCan() throws Exception {
        h.send(topic(KEY, 251, 25, "ERROR", null), at(70));
        assertThat(h.forwarded()).isEmpty();

        h.send(safe(), at(71));
        assertThat(h.forwarded()).singleElement().satisfies(f -> {
            assertThat(f.baseline.name).isEqualTo("payments_daily");
            assertThat(f.observedAt).isEqualTo("2026-12-03T01:10+08:00");
        });
    }

    @Test
    void blindSpotNamesTheBaselineFromItsConfigAndResolvesWhenSeenAgain() throws Exception {
        h.send(blind(true, at(100)), at(130));
        Alert spot = last(AlertKind.BLIND_SPOT);
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1");
        assertThat(spot.baseline.name).isEqualTo("payments_daily");
        assertThat(spot.baseline.priority).isEqualTo(8);
        assertThat(spot.severity).isEqualTo(Severity.MAJOR);
        assertThat(spot.reason).isEqualTo("cannot poll DataWorks for this instance (THROTTLED): last answer at "
                + "2026-12-03T01:40+08:00, more than the 15m its urgency allows");

        h = h.restart();
        h.send(blind(false, at(140)), at(140));
        assertThat(h.log()).containsExactly("BLIND_SPOT FIRING #1", "BLIND_SPOT RESOLVED #2");
        assertThat(last(AlertKind.BLIND_SPOT).reason).isEqualTo("DataWorks answers about this instance again");

        finishAndForget(at(190));
    }

    @Test
    void noDataFiresAtTheCommittedTimeWhenNoStatusEverCameAndResolvesWhenOneDoes() throws Exception {
        h.send(absent(), at(60));
        h.watermark(SLA - 1);
        assertThat(h.alerts()).isEmpty();

        h.watermark(SLA);
        Alert noData = last(AlertKind.NO_DATA);
        assertThat(h.log()).containsExactly("NO_DATA FIRING #1");
        assertThat(noData.severity).isEqualTo(Severity.CRITICAL);
        assertThat(noData.committedTime).isEqualTo("2026-12-03T05:00+08:00");
        assertThat(noData.alertTime).isEqualTo("2026-12-03T04:30+08:00");
        assertThat(noData.baseline.owner).isEqualTo("9527002");
        assertThat(noData.latenessSeconds).isZero();

        h = h.restart();
        h.send(finished(SLA + 5 * MINUTE), SLA + 10 * MINUTE);
        assertThat(h.log()).containsExactly("NO_DATA FIRING #1", "BASELINE_LATE FIRING #1", "BASELINE_LATE RESOLVED #2",
                "NO_DATA RESOLVED #2");
        assertThat(last(AlertKind.NO_DATA).reason).isEqualTo("finished");

        h.watermark(SLA + 10 * MINUTE + GRACE.toMillis());
        h.assertForgotten();
    }

    @Test
    void noDataResolvesWhenTheInstanceAppearsUnfinished() throws Exception {
        h.send(absent(), at(60)).watermark(SLA);
        h.send(LatenessHarness.status("OVER", SLA + 60 * MINUTE, false, null), SLA + MINUTE);
        assertThat(h.log()).containsSubsequence("NO_DATA FIRING #1", "NO_DATA RESOLVED #2");
        assertThat(last(AlertKind.NO_DATA).reason).isEqualTo("DataWorks shows the instance now");
    }

    @Test
    void anInstanceThatNeverFinishesExpiresWithAResolveAndLeavesNothingBehind() throws Exception {
        h.send(LatenessHarness.status("DANGEROUS", SLA + 60 * MINUTE, false, null), at(100));
        h.watermark(SLA + MINUTE);
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_LATE FIRING #1");

        h = h.restart();
        long expiry = SLA + Duration.ofDays(3).toMillis();
        h.watermark(expiry - 1);
        assertThat(h.alerts()).hasSize(2);
        h.watermark(expiry);
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_LATE FIRING #1",
                "BASELINE_AT_RISK RESOLVED #2", "BASELINE_LATE RESOLVED #2");
        assertThat(last(AlertKind.BASELINE_LATE).reason)
                .isEqualTo("expired: not finished 72h00m after its committed time; the job no longer watches this instance");
        h.assertForgotten();
    }

    @Test
    void anInstanceFirstSeenAfterItsExpiryIsGivenUpAtTheNextWatermark() throws Exception {
        long longAfter = SLA + Duration.ofDays(4).toMillis();
        h.watermark(longAfter);
        h.send(LatenessHarness.status("OVER", SLA + 60 * MINUTE, false, null), longAfter + MINUTE);
        h.watermark(longAfter + 2 * MINUTE);
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1", "BASELINE_LATE FIRING #1",
                "BASELINE_AT_RISK RESOLVED #2", "BASELINE_LATE RESOLVED #2");
        h.assertForgotten();
    }

    @Test
    void marginEatenIsAtRiskBeforeTheAlertTime() throws Exception {
        h.send(LatenessHarness.status("DANGEROUS", EXP + 10 * MINUTE, false, null), at(100));
        assertThat(h.log()).containsExactly("BASELINE_AT_RISK FIRING #1");
        assertThat(last(AlertKind.BASELINE_AT_RISK).reason).isEqualTo("projected finish is past the alert time, inside the alert margin");
        assertThat(last(AlertKind.BASELINE_AT_RISK).severity).isEqualTo(Severity.MAJOR);
    }

    @Test
    void everyKindIsUpdatedWhenItsSeverityChanges() throws Exception {
        h.send(LatenessHarness.status("DANGEROUS", SLA + 30 * MINUTE, false, null), at(100));
        h.send(run(0, 21, "FAILURE", at(60), at(80), at(60), at(90)), at(101));
        h.send(run(1, 22, "RUNNING", at(60), null, at(60), at(70)), at(101));
        BaselineEvent waiting = run(2, 23, "WAIT_RESOURCE", null, null, at(120), at(150));
        waiting.run.beginWaitResTime = at(60);
        h.send(waiting, at(101));
        h.send(topic(KEY, 211, 21, "ERROR", "NEW"), at(102));
        h.send(blind(true, at(100)), at(130));
        h.watermark(SLA);
        List<AlertKind> firing = List.of(AlertKind.BASELINE_AT_RISK, AlertKind.BASELINE_LATE, AlertKind.NODE_FAILED,
                AlertKind.NODE_SLOW, AlertKind.WAITING_FOR_RESOURCES, AlertKind.EVENT_OPENED, AlertKind.BLIND_SPOT);
        assertThat(h.alerts()).extracting(a -> a.kind).containsOnlyOnceElementsOf(
                firing.stream().filter(k -> k != AlertKind.BASELINE_AT_RISK).toList()).containsAll(firing);
        int before = h.alerts().size();

        h = h.restart();
        BaselineEvent demoted = LatenessHarness.status("OVER", SLA + 30 * MINUTE, false, null);
        demoted.status.priority = 3;
        h.send(demoted, SLA + MINUTE);
        List<Alert> updates = h.alerts().subList(before, h.alerts().size());
        assertThat(updates).extracting(a -> a.kind).containsExactlyInAnyOrderElementsOf(firing);
        assertThat(updates).allSatisfy(a -> {
            assertThat(a.state).isEqualTo(AlertState.FIRING);
            assertThat(a.severity).isEqualTo(Severity.of(a.kind, 3));
            assertThat(a.reason).contains("(severity " + Severity.of(a.kind, 8) + " → " + Severity.of(a.kind, 3));
        });
        finishAndForget(SLA + 20 * MINUTE);
    }

    @Test
    void noDataIsUpdatedWhenTheConfiguredPriorityChanges() throws Exception {
        h.send(absent(), at(60)).watermark(SLA);
        BaselineEvent demoted = absent();
        demoted.baselineInfo.priority = 3;
        h.send(demoted, SLA + MINUTE);
        assertThat(h.log()).containsExactly("NO_DATA FIRING #1", "NO_DATA FIRING #2");
        assertThat(last(AlertKind.NO_DATA).severity).isEqualTo(Severity.MAJOR);
    }

    private void finishAndForget(long finish) throws Exception {
        h.send(finished(finish), finish + MINUTE);
        assertThat(h.alerts()).filteredOn(a -> a.state == AlertState.FIRING).extracting(a -> a.alertId).allSatisfy(id ->
                assertThat(h.alerts()).filteredOn(a -> a.alertId.equals(id)).last().extracting(a -> a.state).isEqualTo(AlertState.RESOLVED));
        h.watermark(finish + MINUTE + GRACE.toMillis() - 1);
        assertThat(h.harness.numKeyedStateEntries()).as("kept through the grace period").isPositive();
        h.watermark(finish + MINUTE + GRACE.toMillis());
        h.assertForgotten();
    }

    private Alert last(AlertKind kind) {
        return h.alerts().stream().filter(a -> a.kind == kind).reduce((a, b) -> b).orElseThrow();
    }
}
