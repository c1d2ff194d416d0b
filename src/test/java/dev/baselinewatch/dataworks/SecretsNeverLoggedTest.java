package dev.baselinewatch.dataworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.simulator.DataWorksSimulator;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.reader.BaselineSplitReader;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.SplitReaderDriver;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/**
 * The access key secret, taken from the environment by the standard chain as in production, never
 * shows in a log line (at any level, stack traces included), an exception message or a toString,
 * through successes, throttling, failures and refused signatures.
 */
class SecretsNeverLoggedTest {

    @Test
    void theSecretFromTheEnvironmentNeverAppearsInLogsOrErrors() throws Exception {
        String keyId = System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
        String secret = System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        assumeTrue(secret != null, "the build sets a test key in the environment (pom.xml, surefire)");
        StringWriter captured = new StringWriter();
        WriterAppender appender = capture(captured);
        Configurator.setLevel("dev.baselinewatch", Level.DEBUG);
        List<String> messages = new ArrayList<>();
        try (DataWorksSimulator simulator = DataWorksSimulator.start(ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
                accessKeys: [ { id: %s, secret: %s } ]
                baselines:
                  - { id: 5, committedTime: "04:00", nodes: [ { name: a, plannedStart: "02:00", expectedDuration: 3h } ] }
                faults:
                  - { kind: THROTTLE, count: 1, rateLimitHeader: true, timeLeft: 100ms }
                  - { kind: INTERNAL_ERROR, count: 3 }
                  - { kind: MALFORMED, count: 1 }
                """.formatted(keyId, secret), "secrets"), 0)) {
            DefaultCredentialsChain chain = new DefaultCredentialsChain();
            AccessKey key = chain.accessKey();
            assertThat(key.accessKeySecret()).isEqualTo(secret);
            messages.add(key.toString());
            messages.add(chain.toString());

            DataWorksHttpClient client = new DataWorksHttpClient(simulator.endpoint(), ZoneOffset.ofHours(8),
                    Duration.ofSeconds(2), Duration.ofSeconds(2), chain);
            BaselineSplitReader reader = new BaselineSplitReader(client, ZoneOffset.ofHours(8),
                    new PollingOptions(Duration.ofMillis(50), 2, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(1), CallBudget.UNLIMITED),
                    UnregisteredMetricsGroup.createSourceReaderMetricGroup(), 1);
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(BaselineSplit.fresh(5, new int[] {1}))));
            List<BaselineEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.stream().noneMatch(e -> e.baselineId == 5 && e.status != null) && System.nanoTime() < deadline) {
                events.addAll(SplitReaderDriver.fetchOnce(reader));
            }
            assertThat(events).anyMatch(e -> e.status != null);
            reader.close();

            // A refused signature (the simulator does not know this secret) and its exception.
            DataWorksHttpClient wrong = new DataWorksHttpClient(simulator.endpoint(), ZoneOffset.ofHours(8),
                    Duration.ofSeconds(2), Duration.ofSeconds(2), () -> new AccessKey(keyId, secret + "-rotated"));
            assertThatThrownBy(() -> wrong.getBaselineStatus(5, LocalDate.of(2026, 12, 2), 1))
                    .isInstanceOfSatisfying(DataWorksException.class, e -> messages.add(e.getMessage() + " " + e));
        } finally {
            Configurator.setLevel("dev.baselinewatch", Level.INFO);
            release(appender);
        }
        String logs = captured.toString();
        // The capture works: the poller's warnings about the injected faults are in it.
        assertThat(logs).contains("Throttling.User").contains("could not be parsed");
        assertThat(logs).doesNotContain(secret);
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(secret));
    }

    private static WriterAppender capture(StringWriter sink) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        WriterAppender appender = WriterAppender.createAppender(
                PatternLayout.newBuilder().withPattern("%p %c %m %ex%n").build(), null, sink, "secrets-capture", false, true);
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        config.getLoggerConfig("dev.baselinewatch").addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        return appender;
    }

    private static void release(WriterAppender appender) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.getConfiguration().getLoggerConfig("dev.baselinewatch").removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
