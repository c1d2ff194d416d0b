package dev.baselinewatch.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.baselinewatch.simulator.ScenarioTruth.InstanceTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes {@link InstanceTruth}s as JSON lines, fields always in the same order and times as ISO-8601
 * with the project's offset ({@code 2026-12-03T05:00:00+08:00}), so one scenario always prints the
 * same bytes.
 */
final class TruthJson {

    /** An I/O failure carried out of a consumer; unwrapped by {@link ScenarioTruth}. */
    static final class WriteFailed extends UncheckedIOException {

        private static final long serialVersionUID = 1L;

        WriteFailed(IOException cause) {
            super(cause);
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ZoneId zone;
    private final Writer out;

    TruthJson(ZoneId zone, Writer out) {
        this.zone = zone;
        this.out = out;
    }

    void write(InstanceTruth t) {
        try {
            JsonGenerator json = FACTORY.createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("baselineId", t.baselineId());
            json.writeStringField("bizdate", t.bizdate().toString());
            json.writeNumberField("inGroupId", t.inGroupId());
            json.writeNumberField("priority", t.priority());
            json.writeNumberField("projectId", t.projectId());
            json.writeStringField("fate", t.fate().name());
            json.writeStringField("committedAt", time(t.committedAt()));
            json.writeStringField("alertAt", time(t.alertAt()));
            json.writeStringField("finishAt", time(t.finishAt()));
            json.writeBooleanField("missed", t.missed());
            json.writeBooleanField("finishedWithMargin", t.finishedWithMargin());
            json.writeStringField("visibleAt", time(t.visibleAt()));
            json.writeBooleanField("withinClock", t.withinClock());
            json.writeEndObject();
            json.close();
            out.write('\n');
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    private String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }
}
