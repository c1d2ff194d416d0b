package dev.baselinewatch.source.split;

import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.event.BaselineInfo;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DataWorks' configuration says of a watched baseline ({@code GetBaseline} / {@code ListBaselines}):
 * who it belongs to, how urgent it is, and when each cycle is due. It is what lets the job rank and
 * name an instance it cannot see, and expect an instance DataWorks does not show. Fields are null
 * (and the map empty) when the configuration could not be read.
 *
 * @param committedMinutes committed time of each cycle (InGroupId), in minutes after the run day's
 *     midnight; 24:00 and later fall on the next day, as DataWorks writes {@code 26:58}
 */
public record BaselineProfile(
        String name,
        Long projectId,
        String owner,
        Integer priority,
        boolean hourly,
        Integer alertMarginMinutes,
        Map<Integer, Integer> committedMinutes) implements java.io.Serializable {

    public static final BaselineProfile UNKNOWN = new BaselineProfile(null, null, null, null, false, null, Map.of());

    private static final Pattern CLOCK = Pattern.compile("\\s*(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*");

    public BaselineProfile {
        committedMinutes = Map.copyOf(committedMinutes);
    }

    public static BaselineProfile of(BaselineConfig config) {
        Map<Integer, Integer> committed = new TreeMap<>();
        for (BaselineConfig.OverTimeSetting setting : config.overTimeSettings()) {
            Integer minutes = minutesOf(setting.time());
            if (minutes != null) {
                committed.put(setting.cycle() == null ? 1 : setting.cycle(), minutes);
            }
        }
        String name = config.baselineName() == null ? null : config.baselineName().strip();
        return new BaselineProfile(name, config.projectId(), config.owner(), config.priority(), config.hourly(),
                config.alertMarginThreshold(), committed);
    }

    /** {@code hh:mm} with hh 0..47; null when DataWorks sent something else (it is then simply unknown). */
    static Integer minutesOf(String clock) {
        if (clock == null) {
            return null;
        }
        Matcher m = CLOCK.matcher(clock);
        if (!m.matches()) {
            return null;
        }
        int hours = Integer.parseInt(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        return hours <= 47 && minutes <= 59 ? hours * 60 + minutes : null;
    }

    public boolean known() {
        return !equals(UNKNOWN);
    }

    /** The cycles DataWorks configured, or {@code fallback} when it said none. */
    public int[] cyclesOr(int[] fallback) {
        return committedMinutes.isEmpty() ? fallback.clone()
                : committedMinutes.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** When an instance of this cycle is due: the run day (the day after the business date) plus its committed time. */
    public Long committedAt(LocalDate bizdate, int inGroupId, ZoneId zone) {
        Integer minutes = committedMinutes.get(inGroupId);
        if (minutes == null) {
            return null;
        }
        return bizdate.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() + minutes * 60_000L;
    }

    public Long alertAt(LocalDate bizdate, int inGroupId, ZoneId zone) {
        Long committed = committedAt(bizdate, inGroupId, zone);
        return committed == null ? null : committed - (alertMarginMinutes == null ? 0 : alertMarginMinutes) * 60_000L;
    }

    /** Lower ranks poll less when the budget runs short; an unknown priority counts as the middle one. */
    public int priorityOrDefault() {
        return priority == null ? 5 : priority;
    }

    public BaselineInfo toInfo() {
        BaselineInfo info = new BaselineInfo();
        info.name = name;
        info.projectId = projectId;
        info.owner = owner;
        info.priority = priority;
        info.type = known() ? (hourly ? "HOURLY" : "DAILY") : null;
        info.alertMarginMinutes = alertMarginMinutes;
        return info;
    }
}
