package dev.baselinewatch.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) in this JVM, listening on
 * localhost on a free port: for the end-to-end tests and the local demo, never for production.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * When set (milliseconds), the broker forgets idle transactional and producer ids after that long
     * instead of a week. Only the soak sets it: exactly-once sinks start new transactional ids at every
     * checkpoint, and in a 16-minute run a week's expiry never comes, so the broker's memory of them
     * would grow in the same heap as the job's.
     */
    public static final String ID_EXPIRATION_PROPERTY = "embedded.kafka.idExpirationMillis";

    public static EmbeddedKafka start() throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(
                        new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: internal topics cannot have more replicas than that.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // Records carry DataWorks time, and a fast simulator clock runs days ahead of the broker's:
                // Kafka 4 refuses timestamps more than an hour in its future by default.
                .setConfigProp("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        String idExpiration = System.getProperty(ID_EXPIRATION_PROPERTY);
        if (idExpiration != null) {
            builder.setConfigProp("transactional.id.expiration.ms", idExpiration)
                    .setConfigProp("transaction.remove.expired.transaction.cleanup.interval.ms", "10000")
                    .setConfigProp("producer.id.expiration.ms", idExpiration)
                    .setConfigProp("producer.id.expiration.check.interval.ms", "10000");
        }
        KafkaClusterTestKit cluster = builder.build();
        // The formatter prints its whole bootstrap metadata to stdout; a demo user has no use for it.
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
        }
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new EmbeddedKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public void createTopics(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, 1, (short) 1));
            }
            admin.createTopics(newTopics).all().get();
        }
    }

    /** A consumer that sees only committed transactional records, as a production subscriber should. */
    public KafkaConsumer<String, String> readCommittedConsumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(Set.of(topic));
        return consumer;
    }

    /** Everything committed to {@code topic} so far, read until a poll comes back empty. */
    public List<ConsumerRecord<String, String>> readAllCommitted(String topic, Duration quietPeriod) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = readCommittedConsumer(topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var batch = consumer.poll(quietPeriod);
                if (batch.isEmpty() && consumer.assignment().size() > 0) {
                    break;
                }
                batch.forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
