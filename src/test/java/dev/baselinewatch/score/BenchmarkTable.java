package dev.baselinewatch.score;

import dev.baselinewatch.simulator.Scenario;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The calls benchmark's side-by-side table of the two pollers, measured in one run, and its verdict against the target. */
final class BenchmarkTable {

    private final Scenario scenario;
    private final CallsBenchmark.Side ours;
    private final CallsBenchmark.Side naive;
    private final double targetRatio;

    BenchmarkTable(Scenario scenario, CallsBenchmark.Side ours, CallsBenchmark.Side naive, double targetRatio) {
        this.scenario = scenario;
        this.ours = ours;
        this.naive = naive;
        this.targetRatio = targetRatio;
    }

    CallsBenchmark.Side ours() {
        return ours;
    }

    CallsBenchmark.Side naive() {
        return naive;
    }

    double callRatio() {
        return (double) ours.outcome().calls() / naive.outcome().calls();
    }

    /** Equal or better: neither the median nor the 90th percentile of detection latency is later than the naive poller's. */
    boolean latencyEqualOrBetter() {
        Distribution o = ours.score().detectionSeconds();
        Distribution n = naive.score().detectionSeconds();
        return o.count() >= n.count() && o.p50() != null && n.p50() != null && o.p50() <= n.p50() && o.p90() <= n.p90();
    }

    void print(PrintStream out) {
        out.printf("%n=== Calls benchmark: '%s', %d DataWorks hours at %.0fx, the same job and poll interval, only the source differs ===%n",
                scenario.name(), (scenario.end().toEpochMilli() - scenario.start().toEpochMilli()) / 3_600_000, scenario.speed());
        out.printf("%-38s %12s %12s %12s%n", "", "ours", "naive", "ours/naive");
        callRow(out, "API calls, total", o -> o.calls());
        TreeSet<String> actions = new TreeSet<>(ours.outcome().callsByAction().keySet());
        actions.addAll(naive.outcome().callsByAction().keySet());
        for (String action : actions) {
            callRow(out, "  " + action, o -> o.callsByAction().getOrDefault(action, 0L));
        }
        row(out, "missed instances (truth, judged)", ours.score().missed(), naive.score().missed(), "");
        row(out, "recall (caught by committed time)", ScoreReport.ratio(ours.score().recall()), ScoreReport.ratio(naive.score().recall()), "");
        row(out, "precision", ScoreReport.ratio(ours.score().precision()), ScoreReport.ratio(naive.score().precision()), "");
        row(out, "missed instances alerted at all", ours.score().detectionSeconds().count(), naive.score().detectionSeconds().count(), "");
        latencyRow(out, "detection latency p50", Distribution::p50);
        latencyRow(out, "detection latency p90", Distribution::p90);
        latencyRow(out, "detection latency max", Distribution::max);
        row(out, "lead time median", ScoreReport.minutes(ours.score().leadSeconds().p50()),
                ScoreReport.minutes(naive.score().leadSeconds().p50()), "");
        row(out, "lead time p10", ScoreReport.minutes(ours.score().leadSeconds().p10()),
                ScoreReport.minutes(naive.score().leadSeconds().p10()), "");
        row(out, "false alarms (finished with margin)", ours.score().falseAlarms(), naive.score().falseAlarms(), "");
        row(out, "duplicate alert records", ours.score().duplicates(), naive.score().duplicates(), "");
        row(out, "alert records", ours.score().records(), naive.score().records(), "");
        row(out, "GetBaselineStatus revisit p50", ScoreReport.minutes(ours.outcome().statusRevisitSeconds().p50()),
                ScoreReport.minutes(naive.outcome().statusRevisitSeconds().p50()), "");
        row(out, "GetBaselineStatus revisit p90", ScoreReport.minutes(ours.outcome().statusRevisitSeconds().p90()),
                ScoreReport.minutes(naive.outcome().statusRevisitSeconds().p90()), "");
        row(out, "wall time", ours.outcome().wallTime().toSeconds() + " s", naive.outcome().wallTime().toSeconds() + " s", "");
        out.printf("  detection latency = first FIRING AT_RISK/LATE firstSeen - truth visibleAt, over missed instances alerted (DataWorks minutes);%n"
                + "  revisit = DataWorks time between two answered GetBaselineStatus calls of one baseline (the naive poller's real interval)%n");
        boolean callsOk = callRatio() <= targetRatio;
        boolean latencyOk = latencyEqualOrBetter();
        out.printf("Target (at most %.2f of the naive calls at equal or better detection latency): calls %.3f %s, latency %s -> %s%n",
                targetRatio, callRatio(), callsOk ? "met" : "NOT met", latencyOk ? "equal or better" : "WORSE",
                callsOk && latencyOk ? "MET" : "NOT MET");
    }

    Map<String, Object> toJson(String scenarioSource, String jobConfig) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario.name());
        json.put("scenarioSource", scenarioSource);
        json.put("jobConfig", jobConfig);
        json.put("callRatio", callRatio());
        json.put("targetCallRatio", targetRatio);
        json.put("latencyEqualOrBetter", latencyEqualOrBetter());
        json.put("ours", side(ours));
        json.put("naive", side(naive));
        json.put("definitions", Definitions.all());
        return json;
    }

    private static Map<String, Object> side(CallsBenchmark.Side side) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("calls", side.outcome().calls());
        json.put("callsByAction", side.outcome().callsByAction());
        json.put("answers", side.outcome().answers());
        json.put("statusRevisitSeconds", side.outcome().statusRevisitSeconds());
        json.put("wallSeconds", side.outcome().wallTime().toSeconds());
        json.put("score", side.score());
        return json;
    }

    private void callRow(PrintStream out, String name, Function<ScoredRun.Outcome, Long> calls) {
        long o = calls.apply(ours.outcome());
        long n = calls.apply(naive.outcome());
        row(out, name, o, n, n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) o / n));
    }

    private void latencyRow(PrintStream out, String name, Function<Distribution, Long> statistic) {
        Long o = statistic.apply(ours.score().detectionSeconds());
        Long n = statistic.apply(naive.score().detectionSeconds());
        String difference = o == null || n == null ? "" : "diff " + (o - n >= 0 ? "+" : "") + ScoreReport.minutes(o - n);
        row(out, name, ScoreReport.minutes(o), ScoreReport.minutes(n), difference);
    }

    private static void row(PrintStream out, String name, Object ours, Object naive, String ratio) {
        out.printf(Locale.ROOT, "%-38s %12s %12s %12s%n", name, ours, naive, ratio);
    }
}
