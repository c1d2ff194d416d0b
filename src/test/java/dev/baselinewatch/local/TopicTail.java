package dev.baselinewatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baselinewatch.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Follows one topic as a production subscriber would ({@code read_committed}), checking each record's key, keeping every record
 * as parsed JSON: what the demo prints and what the end-to-end tests assert on.
 */
public final class TopicTail implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> records = new ArrayList<>();
    private final Consumer<JsonNode> onRecord;

    public TopicTail(EmbeddedKafka kafka, String topic, Consumer<JsonNode> onRecord) {
        this.consumer = kafka.readCommittedConsumer(topic);
        this.onRecord = onRecord;
    }

    /** Reads what has been committed since the last call, waiting up to {@code wait}. */
    public List<JsonNode> poll(Duration wait) throws Exception {
        List<JsonNode> fresh = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(wait)) {
            JsonNode json = JSON.readTree(record.value());
            // Alerts and events are keyed by their instance, lateness windows by their window id.
            String key = json.has("windowId") ? json.path("windowId").asText() : json.path("instance").asText();
            if (!key.equals(record.key())) {
                throw new IllegalStateException("record key " + record.key() + " is not the key of " + record.value());
            }
            fresh.add(json);
            onRecord.accept(json);
        }
        records.addAll(fresh);
        return fresh;
    }

    public List<JsonNode> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
