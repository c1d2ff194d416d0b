package dev.baselinewatch.dataworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.baselinewatch.dataworks.model.ApiEnvelope;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every documented variant of a DataWorks answer parses into the same model (shared/api/DATAWORKS.md, "quirk"). */
class QuirkyAnswersParseTest {

    private static final TypeReference<ApiEnvelope<BaselineStatus>> STATUS = new TypeReference<>() {};
    private static final TypeReference<ApiEnvelope<List<KeyPathNode>>> KEY_PATH = new TypeReference<>() {};

    @Test
    void errorCodeAsNumberOrAsString() throws Exception {
        assertThat(status("{\"ErrorCode\": 1031203110005, \"Success\": false}").errorCode()).isEqualTo("1031203110005");
        assertThat(status("{\"ErrorCode\": \"Invalid.Wkbench.BaselineStatusNotExist\", \"Success\": false}").errorCode())
                .isEqualTo("Invalid.Wkbench.BaselineStatusNotExist");
        ApiEnvelope<BaselineStatus> gateway = status("{\"Code\": \"Throttling.User\", \"Message\": \"flow control\"}");
        assertThat(gateway.anyErrorCode()).isEqualTo("Throttling.User");
        assertThat(gateway.anyErrorMessage()).isEqualTo("flow control");
    }

    @Test
    void topicNameAsNumberOrText() throws Exception {
        assertThat(keyPath("{\"Data\":[{\"Topics\":[{\"TopicName\": 1234}]}]}").data().get(0).topics().get(0).topicName()).isEqualTo("1234");
        assertThat(keyPath("{\"Data\":[{\"Topics\":[{\"TopicName\": \"1234出错\"}]}]}").data().get(0).topics().get(0).topicName())
                .isEqualTo("1234出错");
    }

    @Test
    void absentAndNullRunFields() throws Exception {
        KeyPathNode node = keyPath("{\"Data\":[{\"Runs\":[{\"Status\":\"NOT_RUN\",\"BeginRunningTime\":null}], \"Topics\": null}]}").data().get(0);
        assertThat(node.latestRun().beginRunningTime()).isNull();
        assertThat(node.latestRun().finishTime()).isNull();
        assertThat(node.latestRun().endCast()).isNull();
        assertThat(node.topics()).isEmpty();
        assertThat(keyPath("{\"Data\":[{\"NodeName\":\"x\"}]}").data().get(0).runs()).isEmpty();
        assertThat(keyPath("{\"Data\":[{\"Runs\":null}]}").data().get(0).latestRun()).isNull();
    }

    @Test
    void dataNullOrEmptyArray() throws Exception {
        assertThat(status("{\"Success\": true, \"Data\": null}").data()).isNull();
        assertThat(status("{\"Success\": true, \"Data\": []}").data()).isNull();
        assertThat(keyPath("{\"Success\": true, \"Data\": []}").data()).isEmpty();
        assertThat(keyPath("{\"Success\": true}").data()).isNull();
    }

    @Test
    void unknownStatusesAndTheDangrousSpellingKeepTheirMeaning() throws Exception {
        BaselineStatus dangrous = status("{\"Data\": {\"Status\": \"DANGROUS\", \"FinishStatus\": \"UNFINISH\"}}").data();
        assertThat(dangrous.status()).isEqualTo("DANGROUS");
        assertThat(dangrous.finished()).isFalse();
        BaselineStatus unknown = status("{\"Data\": {\"Status\": \"PAUSED_BY_OPS\", \"FinishStatus\": \"finish\"}}").data();
        assertThat(unknown.status()).isEqualTo("PAUSED_BY_OPS");
        assertThat(unknown.finished()).isTrue();
        KeyPathNode node = keyPath("{\"Data\":[{\"Runs\":[{\"Status\":\"FROZEN\"}]}]}").data().get(0);
        assertThat(node.latestRun().status()).isEqualTo("FROZEN");
    }

    @Test
    void epochMillisecondsBeyond32BitsAndInGroupIdAsNumberOrText() throws Exception {
        BaselineStatus status = status("{\"Data\": {\"SlaTime\": 4102444800000, \"Bizdate\": \"1553443200000\", "
                + "\"InGroupId\": \"24\", \"BaselineId\": \"9007199254740993\", \"Buffer\": \"-1200.5\", \"Priority\": \"8\"}}").data();
        assertThat(status.slaTime()).isEqualTo(4102444800000L);
        assertThat(status.bizdate()).isEqualTo(1553443200000L);
        assertThat(status.inGroupId()).isEqualTo(24);
        assertThat(status.baselineId()).isEqualTo(9007199254740993L);
        assertThat(status.buffer()).isEqualTo(-1200.5);
        assertThat(status.priority()).isEqualTo(8);
        assertThat(keyPath("{\"Data\":[{\"InGroupId\": 288}]}").data().get(0).inGroupId()).isEqualTo(288);
    }

    @Test
    void baselineNameWithATrailingNewlineAndUnknownFields() throws Exception {
        BaselineStatus status = status("{\"Data\": {\"BaselineName\": \"orders\\n\", \"SomethingNew\": {\"a\": 1}}, \"Extra\": 1}").data();
        assertThat(status.baselineName()).isEqualTo("orders\n");
    }

    private static ApiEnvelope<BaselineStatus> status(String json) throws Exception {
        return DataWorksJson.mapper().readValue(json, STATUS);
    }

    private static ApiEnvelope<List<KeyPathNode>> keyPath(String json) throws Exception {
        return DataWorksJson.mapper().readValue(json, KEY_PATH);
    }
}
