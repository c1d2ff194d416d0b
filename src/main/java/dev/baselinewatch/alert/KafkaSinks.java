package dev.baselinewatch.alert;

import dev.baselinewatch.config.Settings;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The Kafka sinks: JSON records keyed by baseline instance (lateness windows by window id), exactly-once by default. Each topic gets
 * its own transactional id prefix, derived from the job's name and environment, so two jobs (or two
 * sinks of one job) never fence each other.
 */
public final class KafkaSinks {

    private KafkaSinks() {}

    public static KafkaSink<Alert> alerts(Settings settings) {
        return build(settings, settings.alertsTopic(), "alerts", alert -> alert.instance);
    }

    public static KafkaSink<ForwardedEvent> events(Settings settings) {
        return build(settings, settings.eventsTopic(), "events", event -> event.instance);
    }

    public static KafkaSink<LatenessWindow> lateness(Settings settings) {
        return build(settings, settings.latenessTopic(), "lateness", window -> window.windowId);
    }

    private static <T> KafkaSink<T> build(Settings settings, String topic, String sinkName, SerializableFunction<T, String> keyOf) {
        Properties producer = new Properties();
        producer.putAll(settings.producerProperties());
        producer.setProperty("transaction.timeout.ms", Long.toString(settings.transactionTimeout().toMillis()));
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new JsonRecordSerializer<>(topic, keyOf))
                .setDeliveryGuarantee(settings.deliveryGuarantee());
        if (settings.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(settings.transactionalIdPrefix() + "-" + sinkName);
        }
        return builder.build();
    }
}
