package dev.baselinewatch.dataworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.baselinewatch.dataworks.model.ApiEnvelope;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfigPage;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.TopicPage;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The example answers of the public API reference (src/test/resources/dataworks) parse into the models. */
class ApiSamplesParseTest {

    @Test
    void getBaselineStatus() throws Exception {
        ApiEnvelope<BaselineStatus> envelope = read("GetBaselineStatus.json", new TypeReference<>() {});
        assertThat(envelope.errorCode()).isEqualTo("1031203110005");
        BaselineStatus s = envelope.data();
        assertThat(s.baselineId()).isEqualTo(1234L);
        assertThat(s.baselineName()).isEqualTo("Baseline name\n");
        assertThat(s.status()).isEqualTo("SAFE");
        assertThat(s.finished()).isFalse();
        assertThat(s.owner()).isEqualTo("9527952795****");
        assertThat(s.priority()).isEqualTo(1);
        assertThat(s.projectId()).isEqualTo(1234L);
        assertThat(s.inGroupId()).isEqualTo(1);
        assertThat(s.bizdate()).isEqualTo(1553443200000L);
        assertThat(s.slaTime()).isEqualTo(1553443200000L);
        assertThat(s.expTime()).isEqualTo(1553443200000L);
        assertThat(s.endCast()).isEqualTo(1553443200000L);
        assertThat(s.finishTime()).isEqualTo(1553443200000L);
        assertThat(s.buffer()).isEqualTo(1200.0);
        assertThat(s.lastInstance().nodeName()).isEqualTo("Node name\n");
        assertThat(s.lastInstance().instanceId()).isEqualTo(1234L);
        assertThat(s.lastInstance().status()).isEqualTo("SUCCESS");
        assertThat(s.blockInstance().nodeId()).isEqualTo(1234L);
        assertThat(s.blockInstance().owner()).isEqualTo("9527952795****");
        assertThat(s.blockInstance().endCast()).isEqualTo(1553443200000L);
    }

    @Test
    void listBaselineStatuses() throws Exception {
        ApiEnvelope<BaselineStatusPage> envelope = read("ListBaselineStatuses.json", new TypeReference<>() {});
        BaselineStatusPage page = envelope.data();
        assertThat(page.pageNumber()).isEqualTo(1);
        assertThat(page.pageSize()).isEqualTo(10);
        assertThat(page.totalCount()).isEqualTo(100);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.baselineStatuses()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("DANGROUS");
            assertThat(s.buffer()).isEqualTo(1800.0);
            assertThat(s.expTime()).isEqualTo(1553531400000L);
            assertThat(s.finished()).isFalse();
        });
    }

    @Test
    void listBaselinesWithPagingNumbersAsText() throws Exception {
        ApiEnvelope<BaselineConfigPage> envelope = read("ListBaselines.json", new TypeReference<>() {});
        BaselineConfigPage page = envelope.data();
        assertThat(page.pageNumber()).isEqualTo(1);
        assertThat(page.totalCount()).isEqualTo(100);
        assertThat(page.baselines()).singleElement().satisfies(b -> {
            assertThat(b.baselineId()).isEqualTo(1234L);
            assertThat(b.projectId()).isEqualTo(9527L);
            assertThat(b.hourly()).isFalse();
            assertThat(b.alertMarginThreshold()).isEqualTo(30);
            assertThat(b.enabled()).isTrue();
            assertThat(b.overTimeSettings()).containsExactly(new BaselineConfig.OverTimeSetting(1, "00:00"));
        });
    }

    @Test
    void getBaselineOfAnHourlyBaselineWithANextDayCommittedTime() throws Exception {
        BaselineConfig b = read("GetBaseline.json", new TypeReference<ApiEnvelope<BaselineConfig>>() {}).data();
        assertThat(b.hourly()).isTrue();
        assertThat(b.priority()).isEqualTo(7);
        assertThat(b.owner()).isEqualTo("952795****");
        assertThat(b.overTimeSettings()).extracting(BaselineConfig.OverTimeSetting::time).containsExactly("03:58", "26:58");
    }

    @Test
    void listTopics() throws Exception {
        TopicPage page = read("ListTopics.json", new TypeReference<ApiEnvelope<TopicPage>>() {}).data();
        assertThat(page.totalCount()).isEqualTo(100);
        assertThat(page.topics()).singleElement().satisfies(t -> {
            assertThat(t.topicId()).isEqualTo(1234L);
            assertThat(t.topicName()).isEqualTo("1234出错");
            assertThat(t.topicType()).isEqualTo("ERROR");
            assertThat(t.topicStatus()).isEqualTo("IGNORE");
            assertThat(t.closed()).isTrue();
            assertThat(t.instanceId()).isEqualTo(12345L);
            assertThat(t.nodeOwner()).isEqualTo("952795****");
            assertThat(t.fixTime()).isEqualTo(1553508465000L);
            assertThat(t.addTime()).isEqualTo(1553508465000L);
        });
    }

    private <T> ApiEnvelope<T> read(String sample, TypeReference<ApiEnvelope<T>> type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dataworks/" + sample)) {
            return DataWorksJson.mapper().readValue(in, type);
        }
    }
}
