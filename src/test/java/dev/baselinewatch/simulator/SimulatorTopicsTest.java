package dev.baselinewatch.simulator;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.dataworks.model.TopicPage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events over real HTTP: found when the node fails or runs slow, FIXING while rerun, RECOVER once it succeeded. */
class SimulatorTopicsTest {

    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final Instant RUN_DAY = LocalDate.of(2026, 12, 3).atStartOfDay(ZONE).toInstant();
    private static DataWorksSimulator simulator;
    private static DataWorksHttpClient client;

    @BeforeAll
    static void start() throws Exception {
        simulator = DataWorksSimulator.start(ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
                baselines:
                  - { id: 1, committedTime: "06:00", nodes: [
                      { id: 11, name: rerun_later, plannedStart: "02:30", expectedDuration: 30m, actualDuration: 20m,
                        outcome: FAILURE, rerunAfter: 60m } ] }
                  - { id: 2, committedTime: "06:00", nodes: [
                      { id: 21, name: rerun_done, plannedStart: "02:00", expectedDuration: 10m, actualDuration: 5m,
                        outcome: FAILURE, rerunAfter: 5m, rerunDuration: 5m } ] }
                  - { id: 3, committedTime: "06:00", nodes: [
                      { id: 31, name: crawling, plannedStart: "01:00", expectedDuration: 20m, actualDuration: 4h } ] }
                  - { id: 4, committedTime: "06:00", nodes: [
                      { id: 41, name: fine, plannedStart: "01:00", expectedDuration: 20m } ] }
                """, "topics"), 0);
        client = SimulatorClients.client(simulator);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        simulator.close();
    }

    @Test
    void listsEventsOfTheDayWithTheirLifecycle() throws Exception {
        TopicPage page = client.listTopics(RUN_DAY, RUN_DAY.plus(Duration.ofDays(1)), null, null, null, 1, 100).data();

        Map<String, String> byNode = page.topics().stream()
                .collect(Collectors.toMap(t -> t.nodeName() + "/" + t.topicType(), Topic::topicStatus));
        assertThat(byNode).containsOnly(
                Map.entry("rerun_later/ERROR", "NEW"),
                Map.entry("rerun_done/ERROR", "RECOVER"),
                Map.entry("crawling/SLOW", "NEW"));
        Topic recovered = page.topics().stream().filter(Topic::closed).findFirst().orElseThrow();
        assertThat(recovered.fixTime()).isEqualTo(RUN_DAY.plus(Duration.ofMinutes(2 * 60 + 15)).toEpochMilli());
        assertThat(recovered.topicName()).isEqualTo("rerun_done出错");
    }

    @Test
    void filtersByStatusTypeAndTimeAndGetsOneById() throws Exception {
        assertThat(client.listTopics(RUN_DAY, RUN_DAY.plus(Duration.ofDays(1)), "NEW,FIXING", "ERROR", null, 1, 100).data().topics())
                .extracting(Topic::nodeName).containsExactly("rerun_later");
        // Found before 02:00? Only the slow one (01:00 + 2 x 20m).
        assertThat(client.listTopics(RUN_DAY, RUN_DAY.plus(Duration.ofHours(2)), null, null, null, 1, 100).data().topics())
                .extracting(Topic::nodeName).containsExactly("crawling");

        long topicId = 11_001L * 10 + 1;
        Topic topic = client.getTopic(topicId).data();
        assertThat(topic.topicType()).isEqualTo("ERROR");
        assertThat(topic.instanceId()).isEqualTo(11_001L);
        assertThat(topic.addTime()).isEqualTo(RUN_DAY.plus(Duration.ofMinutes(2 * 60 + 50)).toEpochMilli());
        assertThatThrownBy(() -> client.getTopic(5))
                .isInstanceOfSatisfying(DataWorksException.class, e -> assertThat(e.code()).isEqualTo("Invalid.Wkbench.TopicNotExist"));
    }
}
