package dev.baselinewatch.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a record as JSON to one topic, keyed by its baseline instance so one instance stays in order. */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableFunction<T, String> keyOf;
    private transient ObjectMapper mapper;

    public JsonRecordSerializer(String topic, SerializableFunction<T, String> keyOf) {
        this.topic = topic;
        this.keyOf = keyOf;
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        if (mapper == null) {
            mapper = newMapper();
        }
        try {
            return new ProducerRecord<>(
                    topic, null, timestamp, keyOf.apply(element).getBytes(StandardCharsets.UTF_8), mapper.writeValueAsBytes(element));
        } catch (Exception e) {
            throw new IllegalStateException("Could not write " + element + " as JSON", e);
        }
    }
}
