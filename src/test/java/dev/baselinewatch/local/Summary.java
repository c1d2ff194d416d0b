package dev.baselinewatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baselinewatch.simulator.CallCounter;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The demo's closing summary: where each alert ended, what was forwarded, the lateness windows, what the API calls cost. */
final class Summary {

    private final List<JsonNode> alerts;
    private final List<JsonNode> events;
    private final List<JsonNode> windows;
    private final CallCounter calls;

    Summary(List<JsonNode> alerts, List<JsonNode> events, List<JsonNode> windows, CallCounter calls) {
        this.alerts = alerts;
        this.events = events;
        this.windows = windows;
        this.calls = calls;
    }

    void print(PrintStream out) {
        Map<String, JsonNode> lastById = new TreeMap<>();
        alerts.forEach(a -> lastById.put(a.path("alertId").asText(), a));
        out.printf("%n=== Summary: %d alert records, %d distinct alerts, %d DataWorks events forwarded ===%n",
                alerts.size(), lastById.size(), events.size());
        lastById.forEach((id, last) -> out.printf("  %-44s %-8s %-8s culprit %-16s lateness %ss%n",
                id, last.path("state").asText(), last.path("severity").asText(),
                last.path("culprit").path("nodeName").asText("-"), last.path("latenessSeconds").asText("?")));
        long firing = lastById.values().stream().filter(a -> a.path("state").asText().equals("FIRING")).count();
        out.printf("  still firing at the end: %d; resolved: %d%n", firing, lastById.size() - firing);
        out.printf("  lateness windows: %d%n", windows.size());
        windows.stream().sorted((a, b) -> a.path("windowId").asText().compareTo(b.path("windowId").asText())).forEach(w ->
                out.printf("  %-44s %d of %d late (%d unfinished), total %ss, max %ss, at risk %ss%n",
                        w.path("windowId").asText(), w.path("late").asInt(), w.path("instances").asInt(), w.path("unfinished").asInt(),
                        w.path("totalLatenessSeconds").asText(), w.path("maxLatenessSeconds").asText(), w.path("atRiskSeconds").asText()));
        out.printf("  DataWorks API calls: %d %s; answers %s%n", calls.total(), calls.byAction(), calls.byOutcome());
    }
}
