package dev.baselinewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.ExchangeRecorder;
import dev.baselinewatch.dataworks.StaticCredentials;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers recorded from one DataWorks (here the simulator) come back from a replaying simulator in order, scrubbed. */
class RecordReplayTest {

    private static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);
    private static final String SECRET = "recording-secret-4b1d";

    @Test
    void aRecordingReplaysInOrderWithItsClockAndWithoutAccountIdsOrSecrets(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("incident.jsonl");
        List<ApiAnswer<BaselineStatus>> original = new ArrayList<>();
        List<ApiAnswer<List<KeyPathNode>>> originalPaths = new ArrayList<>();
        try (DataWorksSimulator live = DataWorksSimulator.start(ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 3600 }
                accessKeys: [ { id: rec-key, secret: %s } ]
                baselines:
                  - { id: 5, owner: "1234567890123456", committedTime: "05:00",
                      nodes: [ { name: slow, owner: "1234567890123456,2222333344445555", plannedStart: "02:00",
                                 expectedDuration: 30m, actualDuration: 4h } ] }
                """.formatted(SECRET), "live"), 0);
                DataWorksHttpClient client = client(live, "rec-key", SECRET).recordingTo(new ExchangeRecorder(recording))) {
            for (int i = 0; i < 3; i++) {
                original.add(client.getBaselineStatus(5, BIZDATE, 1));
                originalPaths.add(client.getBaselineKeyPath(5, BIZDATE, 1));
                Thread.sleep(300);
            }
            try {
                client.getBaselineStatus(5, BIZDATE.minusDays(1), 1);
            } catch (DataWorksException expected) {
                // Recorded too: the replay answers it the same way.
            }
        }

        String recorded = Files.readString(recording);
        assertThat(recorded.lines()).hasSize(7);
        assertThat(recorded).doesNotContain(SECRET).doesNotContain("rec-key").doesNotContain("1234567890123456")
                .doesNotContain("2222333344445555").doesNotContain("Authorization");

        try (DataWorksSimulator replay = DataWorksSimulator.replay(recording, "127.0.0.1", 0);
                DataWorksHttpClient client = client(replay, ScenarioLoader.DEFAULT_KEY_ID, ScenarioLoader.DEFAULT_KEY_SECRET)) {
            for (int i = 0; i < 3; i++) {
                ApiAnswer<BaselineStatus> status = client.getBaselineStatus(5, BIZDATE, 1);
                assertThat(status.serverTimeMillis()).isEqualTo(original.get(i).serverTimeMillis());
                assertThat(status.requestId()).isEqualTo(original.get(i).requestId());
                assertThat(status.data().endCast()).isEqualTo(original.get(i).data().endCast());
                assertThat(status.data().status()).isEqualTo(original.get(i).data().status());
                assertThat(status.data().owner()).startsWith("uid-").isNotEqualTo(original.get(i).data().owner());
                List<KeyPathNode> path = client.getBaselineKeyPath(5, BIZDATE, 1).data();
                assertThat(path.get(0).latestRun()).isEqualTo(originalPaths.get(i).data().get(0).latestRun());
                assertThat(path.get(0).owner()).matches("uid-[0-9a-f]{10},uid-[0-9a-f]{10}");
            }
            assertThat(replay.replayExhausted()).isFalse();
            try {
                client.getBaselineStatus(5, BIZDATE.minusDays(1), 1);
            } catch (DataWorksException e) {
                assertThat(e.code()).isEqualTo("Invalid.Wkbench.BaselineStatusNotExist");
            }
            assertThat(replay.replayExhausted()).isTrue();
            // Past the end, the last recorded answer stands.
            assertThat(client.getBaselineStatus(5, BIZDATE, 1).serverTimeMillis()).isEqualTo(original.get(2).serverTimeMillis());
        }
    }

    private static DataWorksHttpClient client(DataWorksSimulator simulator, String keyId, String secret) {
        return new DataWorksHttpClient(simulator.endpoint(), ZoneOffset.ofHours(8), Duration.ofSeconds(2), Duration.ofSeconds(5),
                new StaticCredentials(keyId, secret));
    }
}
