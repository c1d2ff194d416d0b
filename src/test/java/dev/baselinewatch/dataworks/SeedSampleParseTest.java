package dev.baselinewatch.dataworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.baselinewatch.dataworks.model.ApiEnvelope;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.NodeRun;
import dev.baselinewatch.dataworks.model.NodeTopic;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented GetBaselineKeyPath example (shared/api/samples, copied byte for byte) parses with every field and quirk. */
class SeedSampleParseTest {

    @Test
    void everyFieldOfTheDocumentedKeyPathSampleParses() throws Exception {
        ApiEnvelope<List<KeyPathNode>> envelope;
        try (InputStream in = getClass().getResourceAsStream("/dataworks/GetBaselineKeyPath.seed.json")) {
            envelope = DataWorksJson.mapper().readValue(in, new TypeReference<>() {});
        }

        assertThat(envelope.httpStatusCode()).isEqualTo(200);
        assertThat(envelope.requestId()).isEqualTo("0000-ABCD-EFG****");
        assertThat(envelope.success()).isTrue();
        // Quirks: a numeric ErrorCode and an ErrorMessage on a successful answer.
        assertThat(envelope.errorCode()).isEqualTo("1031203110005");
        assertThat(envelope.errorMessage()).isEqualTo("The specified parameters are invalid.");

        assertThat(envelope.data()).hasSize(1);
        KeyPathNode node = envelope.data().get(0);
        assertThat(node.owner()).isEqualTo("9527952****");
        assertThat(node.nodeName()).isEqualTo("Node name");
        assertThat(node.bizdate()).isEqualTo(1553443200000L);
        assertThat(Bizdates.fromEpochMillis(node.bizdate(), ZoneOffset.ofHours(8))).isEqualTo(LocalDate.of(2019, 3, 25));
        assertThat(node.projectId()).isEqualTo(1234L);
        assertThat(node.instanceId()).isEqualTo(12345L);
        assertThat(node.prgType()).isEqualTo(10);
        assertThat(node.nodeId()).isEqualTo(1234L);
        assertThat(node.inGroupId()).isEqualTo(1);

        assertThat(node.runs()).hasSize(1);
        NodeRun run = node.latestRun();
        assertThat(run.status()).isEqualTo("SUCCESS");
        assertThat(run.absTime()).isEqualTo(1553531402000L);
        assertThat(run.beginRunningTime()).isEqualTo(1553531401000L);
        assertThat(run.finishTime()).isEqualTo(1553531401000L);
        assertThat(run.beginCast()).isEqualTo(1553531686000L);
        assertThat(run.endCast()).isEqualTo(1553531687000L);
        assertThat(run.beginWaitResTime()).isEqualTo(1553531401000L);
        assertThat(run.beginWaitTimeTime()).isEqualTo(1553531400000L);
        // CycTime is documented but absent from the sample.
        assertThat(run.cycTime()).isNull();

        assertThat(node.topics()).hasSize(1);
        NodeTopic topic = node.topics().get(0);
        // Quirk: TopicName is a JSON number in the sample; real names are text.
        assertThat(topic.topicName()).isEqualTo("1234");
        assertThat(topic.instanceId()).isEqualTo(1234L);
        assertThat(topic.topicId()).isEqualTo(1234L);
        assertThat(topic.addTime()).isEqualTo(1553531401000L);
    }

    @Test
    void absentRunsAndTopicsAndNullDataAreEmptyNotErrors() throws Exception {
        ApiEnvelope<List<KeyPathNode>> envelope = DataWorksJson.mapper().readValue(
                "{\"Success\":true,\"Data\":[{\"NodeName\":\"n\",\"InGroupId\":\"3\",\"Runs\":[{\"Status\":\"RUNNING\",\"FinishTime\":null}]}]}",
                new TypeReference<>() {});
        KeyPathNode node = envelope.data().get(0);
        assertThat(node.inGroupId()).isEqualTo(3);
        assertThat(node.topics()).isEmpty();
        assertThat(node.latestRun().finishTime()).isNull();

        ApiEnvelope<List<KeyPathNode>> none = DataWorksJson.mapper().readValue("{\"Success\":true,\"Data\":null}", new TypeReference<>() {});
        assertThat(none.data()).isNull();
    }
}
