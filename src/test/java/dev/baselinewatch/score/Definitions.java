package dev.baselinewatch.score;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each reported number means, in words, printed with the report and written into its JSON (docs/SCORING.md says the same). */
final class Definitions {

    private Definitions() {}

    static final String ALERTED = "an instance is alerted when a FIRING BASELINE_AT_RISK or BASELINE_LATE record names it; "
            + "its first alert is the earliest firstSeen (DataWorks time) of those records";
    static final String JUDGED = "only instances whose committed time lies within the scenario clock (start..end) are judged";
    static final String RECALL = "missed instances (finished after the committed time, or never) first alerted at or before "
            + "their committed time / missed instances";
    static final String PRECISION = "alerted instances that did not finish with margin / alerted instances; finished with margin = "
            + "finished at or before the alert time; an alerted instance the scenario does not have counts as wrong";
    static final String LEAD = "committed time - first alert, over the missed instances caught in time (nearest-rank percentiles; "
            + "p10 is the 10% with the least warning)";
    static final String DELIVERED_LEAD = "committed time - the simulated time a read_committed consumer received the instance's "
            + "first FIRING lateness record (exactly-once output shows at checkpoints), same instances";
    static final String DETECTION = "first alert - visibleAt (when the simulator's GetBaselineStatus first showed the miss), "
            + "over every missed instance alerted at all, caught late included";
    static final String DUPLICATES = "records that repeat an (alertId, sequence) already received, so a second FIRING with "
            + "sequence 1 for one alert id is one";
    static final String CALLS = "DataWorks API calls the simulator received from the job's start to the end of the scenario clock, "
            + "by action (discovery, listings, status, key path, events)";

    static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("alerted", ALERTED);
        all.put("judged", JUDGED);
        all.put("recall", RECALL);
        all.put("precision", PRECISION);
        all.put("leadSeconds", LEAD);
        all.put("deliveredLeadSeconds", DELIVERED_LEAD);
        all.put("detectionSeconds", DETECTION);
        all.put("duplicates", DUPLICATES);
        all.put("calls", CALLS);
        return all;
    }
}
