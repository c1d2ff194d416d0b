package dev.baselinewatch.score;

import dev.baselinewatch.simulator.Scenario;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scored run as the user reads it (printed) and as tools read it (JSON under target/score/):
 * the scenario and config it ran, the score, the API calls, and what every number means.
 */
public record ScoreReport(
        String scenario,
        String scenarioSource,
        String poller,
        String jobConfig,
        double clockSpeed,
        String clockStart,
        String clockEnd,
        int instances,
        boolean jobRanToTheEnd,
        long wallSeconds,
        Score score,
        long calls,
        Map<String, Long> callsByAction,
        Map<String, Long> answers,
        Map<String, String> definitions) {

    public static ScoreReport of(Scenario scenario, String scenarioSource, Poller poller, String jobConfig, int instances,
            ScoredRun.Outcome outcome, Score score) {
        return new ScoreReport(scenario.name(), scenarioSource, poller.label(), jobConfig, scenario.speed(),
                scenario.start().atZone(scenario.zone()).toOffsetDateTime().toString(),
                scenario.end().atZone(scenario.zone()).toOffsetDateTime().toString(), instances, outcome.jobRan(),
                outcome.wallTime().toSeconds(), score, outcome.calls(), outcome.callsByAction(), outcome.answers(), Definitions.all());
    }

    public void print(PrintStream out) {
        Score s = score;
        out.printf("%n=== Score of scenario '%s' (%s), poller: %s ===%n", scenario, scenarioSource, poller);
        out.printf("  clock %s .. %s at %.0fx; job config %s; %d s of wall time%s%n", clockStart, clockEnd, clockSpeed, jobConfig,
                wallSeconds, jobRanToTheEnd ? "" : "; THE JOB STOPPED BEFORE THE END: the score is not meaningful");
        line(out, "judged", "%d of %d instances (%d committed outside the clock)", s.judged(), instances, s.notJudged());
        explain(out, Definitions.JUDGED);
        line(out, "missed", "%d (finished with margin: %d; the rest finished between alert and committed time)",
                s.missed(), s.finishedWithMargin());
        line(out, "recall", "%s  (%d of %d missed caught in time; %d caught only after the committed time, %d never)",
                ratio(s.recall()), s.caughtInTime(), s.missed(), s.caughtLate(), s.notCaught());
        explain(out, Definitions.RECALL);
        line(out, "precision", "%s  (%d instances alerted, %d of them had finished with margin, %d not in the scenario)",
                ratio(s.precision()), s.alerted(), s.falseAlarms(), s.unknownInstances());
        explain(out, Definitions.PRECISION);
        line(out, "lead time", "median %s, p10 %s  (%s)", minutes(s.leadSeconds().p50()), minutes(s.leadSeconds().p10()),
                range(s.leadSeconds()));
        explain(out, Definitions.LEAD);
        line(out, "as delivered", "median %s, p10 %s  (%s)", minutes(s.deliveredLeadSeconds().p50()),
                minutes(s.deliveredLeadSeconds().p10()), range(s.deliveredLeadSeconds()));
        explain(out, Definitions.DELIVERED_LEAD);
        line(out, "detection", "p50 %s, p90 %s, max %s  (n=%d)", minutes(s.detectionSeconds().p50()),
                minutes(s.detectionSeconds().p90()), minutes(s.detectionSeconds().max()), s.detectionSeconds().count());
        explain(out, Definitions.DETECTION);
        line(out, "duplicates", "%d records, %d alert ids %s", s.duplicates(), s.duplicatedAlertIds(),
                s.duplicateExamples().isEmpty() ? "" : s.duplicateExamples());
        explain(out, Definitions.DUPLICATES);
        line(out, "alert records", "%d %s", s.records(), s.recordsByKind());
        line(out, "API calls", "%d %s; answers %s", calls, callsByAction, answers);
        explain(out, Definitions.CALLS);
        list(out, "missed, never alerted", s.notCaught(), s.notCaughtInstances());
        list(out, "missed, alerted late", s.caughtLate(), s.caughtLateInstances());
        list(out, "false alarms", s.falseAlarms(), s.falseAlarmInstances());
        list(out, "not in the scenario", s.unknownInstances(), s.unknownAlertedInstances());
        out.printf("  (%s)%n", Definitions.ALERTED);
    }

    private static void line(PrintStream out, String name, String format, Object... args) {
        out.printf(Locale.ROOT, "  %-14s %s%n", name, String.format(Locale.ROOT, format, args));
    }

    private static void explain(PrintStream out, String definition) {
        out.printf("  %-14s   = %s%n", "", definition);
    }

    private static void list(PrintStream out, String name, int count, List<String> keys) {
        if (count > 0) {
            out.printf("  %s: %d%s %s%n", name, count, count > keys.size() ? " (first " + keys.size() + ")" : "", keys);
        }
    }

    static String ratio(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Seconds of DataWorks time as minutes, one decimal. */
    static String minutes(Long seconds) {
        return seconds == null ? "n/a" : String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
    }

    private static String range(Distribution d) {
        return d.count() == 0 ? "n=0" : "n=" + d.count() + ", min " + minutes(d.min()) + ", max " + minutes(d.max());
    }
}
