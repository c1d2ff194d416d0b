package dev.baselinewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.lateness.Silence;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import dev.baselinewatch.source.DiscoveryRule;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class JobConfigLoaderTest {

    private static final String MINIMAL = """
            dataworks:
              region: cn-hangzhou
              timeZone: "+08:00"
            baselines:
              - id: 42
            kafka:
              bootstrapServers: "k:9092"
            """;

    @Test
    void bundledExamplesLoad() {
        Settings prod = JobConfigLoader.load(Path.of("job-config/baseline-watch.yaml"));
        assertThat(prod.endpoint()).isEqualTo(URI.create("https://dataworks.cn-shanghai.aliyuncs.com"));
        assertThat(prod.transactionalIdPrefix()).isEqualTo("baseline-watch-prod");
        assertThat(prod.baselines()).hasSize(2);

        Settings demo = JobConfigLoader.load(Path.of("job-config/demo.yaml"));
        assertThat(demo.polling().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(demo.baselines()).extracting(b -> b.baselineId()).containsExactly(1001L, 1002L, 1003L, 1004L);

        Settings docker = JobConfigLoader.load(Path.of("job-config/docker.yaml"));
        assertThat(docker.endpoint()).isEqualTo(URI.create("http://simulator:18080"));
        assertThat(docker.transactionalIdPrefix()).isEqualTo("baseline-watch-docker");
        assertThat(docker.baselines()).isEqualTo(demo.baselines());
    }

    @Test
    void appliesDefaults() {
        Settings s = JobConfigLoader.parse(MINIMAL, "min.yaml");
        assertThat(s.endpoint()).isEqualTo(URI.create("https://dataworks.cn-hangzhou.aliyuncs.com"));
        assertThat(s.projectZone()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(s.polling()).isEqualTo(new PollingOptions(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofHours(2),
                Duration.ofMinutes(5), 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), new CallBudget(5, 0)));
        assertThat(s.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(s.transactionTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.transactionalIdPrefix()).isEqualTo("baseline-watch-default");
        assertThat(s.baselines().get(0).inGroupIds()).as("every cycle DataWorks has").isNull();
        assertThat(s.baselines().get(0).cyclesOr(null)).as("a daily baseline's, when DataWorks cannot say").containsExactly(1);
        assertThat(s.watch().discovery()).isEmpty();
    }

    @Test
    void vpcEndpointFromRegion() {
        Settings s = JobConfigLoader.parse(MINIMAL.replace("region: cn-hangzhou", "region: cn-hangzhou\n  vpc: true"), "vpc.yaml");
        assertThat(s.endpoint().getHost()).isEqualTo("dataworks-vpc.cn-hangzhou.aliyuncs.com");
    }

    @Test
    void unknownKeyIsNamedWithTheFile() {
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL.replace("region:", "regoin:"), "job-config/x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'dataworks.regoin'")
                .hasMessageContaining("job-config/x.yaml");
    }

    @Test
    void badValuesAreNamedWithTheFile() {
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "checkpointing:\n  interval: soon\n", "a.yaml"))
                .hasMessageContaining("'checkpointing.interval' in a.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL.replace("\"+08:00\"", "Mars/Olympus"), "b.yaml"))
                .hasMessageContaining("'dataworks.timeZone' in b.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL.replace("id: 42", "id: 42\n    inGroupIds: [25]"), "c.yaml"))
                .hasMessageContaining("'baselines[0].inGroupIds' in c.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL.replace("id: 42", "id: forty-two"), "d.yaml"))
                .hasMessageContaining("'baselines[0].id' in d.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "  transactionTimeout: 1h\n", "e.yaml"))
                .hasMessageContaining("'kafka.transactionTimeout' in e.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "  deliveryGuarantee: maybe\n", "f.yaml"))
                .hasMessageContaining("'kafka.deliveryGuarantee' in f.yaml");
    }

    @Test
    void transactionTimeoutMustOutliveCheckpoints() {
        String yaml = MINIMAL + "  transactionTimeout: 30s\ncheckpointing:\n  interval: 20s\n";
        assertThatThrownBy(() -> JobConfigLoader.parse(yaml, "g.yaml"))
                .hasMessageContaining("'kafka.transactionTimeout' in g.yaml")
                .hasMessageContaining("twice checkpointing.interval");
    }

    @Test
    void refusesSecretsInProducerProperties() {
        String yaml = MINIMAL + "  producer:\n    sasl.jaas.config.password: hunter2\n";
        assertThatThrownBy(() -> JobConfigLoader.parse(yaml, "h.yaml"))
                .hasMessageContaining("kafka.producer.sasl.jaas.config.password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void discoveryRulesLoadAndMayStandInsteadOfBaselineIds() {
        String yaml = MINIMAL.replace("baselines:\n  - id: 42\n", """
                discovery:
                  refreshInterval: 30m
                  projects:
                    - projectId: 10
                      priorities: [7, 8]
                      owner: "200002"
                      types: [daily]
                    - projectId: 11
                """);
        Settings s = JobConfigLoader.parse(yaml, "discover.yaml");
        assertThat(s.baselines()).isEmpty();
        assertThat(s.watch().refreshInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.watch().discovery()).containsExactly(
                new DiscoveryRule(10, List.of(7, 8), "200002", List.of("DAILY")),
                new DiscoveryRule(11, List.of(), null, List.of()));
    }

    @Test
    void badDiscoveryAndUrgencyValuesAreNamedWithTheFile() {
        String discovery = MINIMAL + "discovery:\n  projects:\n    - projectId: 10\n      priorities: [9]\n";
        assertThatThrownBy(() -> JobConfigLoader.parse(discovery, "j.yaml"))
                .hasMessageContaining("'discovery.projects[0].priorities' in j.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(discovery.replace("priorities: [9]", "types: [WEEKLY]"), "k.yaml"))
                .hasMessageContaining("'discovery.projects[0].types' in k.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL.replace("timeZone: \"+08:00\"", "timeZone: \"+08:00\"\n  farPollInterval: 10s"), "l.yaml"))
                .hasMessageContaining("'dataworks.farPollInterval' in l.yaml")
                .hasMessageContaining("at least dataworks.pollInterval");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL.replace("timeZone: \"+08:00\"", "timeZone: \"+08:00\"\n  blindSpotAfter: 1s"), "m.yaml"))
                .hasMessageContaining("'dataworks.blindSpotAfter' in m.yaml");
    }

    @Test
    void alertsAndWindowsHaveTheirDocumentedDefaults() {
        Settings s = JobConfigLoader.parse(MINIMAL, "min.yaml");
        AlertPolicy p = s.alertPolicy();
        assertThat(p.zone()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(p.gracePeriod()).isEqualTo(Duration.ofHours(6));
        assertThat(p.repeatInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.maxRepeats()).isEqualTo(3);
        assertThat(p.nodeSlowFactor()).isEqualTo(2.0);
        assertThat(p.nodeSlowMinimum()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.waitingForResourcesAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.projectionChange()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.expireAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(p.windowClose()).isEqualTo(Duration.ofHours(24));
        assertThat(p.hourWindowGrace()).isEqualTo(Duration.ofHours(1));
        assertThat(p.silences()).isEmpty();
        assertThat(s.latenessTopic()).isEqualTo("baseline-watch.lateness");
        // The shipped example lists every key with its default.
        Settings prod = JobConfigLoader.load(Path.of("job-config/baseline-watch.yaml"));
        assertThat(prod.alertPolicy()).isEqualTo(p.withWindows(p.windowClose(), p.hourWindowGrace(), prod.alertPolicy().hourlyBaselines()));
        assertThat(JobConfigLoader.load(Path.of("job-config/demo.yaml")).alertPolicy().windowClose()).isEqualTo(Duration.ofMinutes(7 * 60 + 30));
    }

    @Test
    void silencesAndHourlyBaselinesAreRead() {
        String yaml = MINIMAL.replace("id: 42", "id: 42\n  - id: 43\n    inGroupIds: [1, 2, 3]") + """
                alerts:
                  maxRepeats: 0
                  silences:
                    - projects: [11]
                      kinds: [BASELINE_AT_RISK, NODE_SLOW]
                      from: "2026-12-04T01:00+08:00"
                      until: "2026-12-04T06:00"
                      comment: maintenance
                lateness:
                  windowClose: "30:00"
                """;
        AlertPolicy p = JobConfigLoader.parse(yaml, "s.yaml").alertPolicy();
        assertThat(p.maxRepeats()).isZero();
        assertThat(p.windowClose()).isEqualTo(Duration.ofHours(30));
        assertThat(p.hourlyBaselines()).containsExactly(43L);
        Silence silence = p.silences().get(0);
        assertThat(silence.projects()).containsExactly(11L);
        assertThat(silence.kinds()).containsExactlyInAnyOrder(AlertKind.BASELINE_AT_RISK, AlertKind.NODE_SLOW);
        assertThat(silence.from()).isEqualTo(Instant.parse("2026-12-03T17:00:00Z"));
        assertThat(silence.until()).as("in dataworks.timeZone").isEqualTo(Instant.parse("2026-12-03T22:00:00Z"));
    }

    @Test
    void badAlertSettingsAreNamedWithTheFile() {
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  maxRepeats: -1\n", "a.yaml"))
                .hasMessageContaining("'alerts.maxRepeats' in a.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  nodeSlowFactor: 0.5\n", "b.yaml"))
                .hasMessageContaining("'alerts.nodeSlowFactor' in b.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  repeatInterval: often\n", "c.yaml"))
                .hasMessageContaining("'alerts.repeatInterval' in c.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  silences:\n    - kinds: [LATE]\n      until: 2026-12-04T06:00\n", "d.yaml"))
                .hasMessageContaining("'alerts.silences[0].kinds' in d.yaml").hasMessageContaining("BASELINE_LATE");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  silences:\n    - baselines: [42]\n", "e.yaml"))
                .hasMessageContaining("'alerts.silences[0].until' in e.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  silences:\n    - until: 2026-12-04T06:00\n", "f.yaml"))
                .hasMessageContaining("'alerts.silences[0]' in f.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  silences:\n    - owners: [\"1\"]\n      until: tomorrow\n", "g.yaml"))
                .hasMessageContaining("'alerts.silences[0].until' in g.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "alerts:\n  silences:\n    - owners: [\"1\"]\n      mute: true\n", "h.yaml"))
                .hasMessageContaining("'alerts.silences[0].mute'").hasMessageContaining("h.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "lateness:\n  windowClose: \"48:00\"\n", "i.yaml"))
                .hasMessageContaining("'lateness.windowClose' in i.yaml");
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL + "  latenessTopic: baseline-watch.alerts\n", "j.yaml"))
                .hasMessageContaining("'kafka.latenessTopic' in j.yaml");
    }

    @Test
    void missingBaselinesIsAnError() {
        assertThatThrownBy(() -> JobConfigLoader.parse(MINIMAL.replace("baselines:\n  - id: 42\n", ""), "i.yaml"))
                .hasMessageContaining("'baselines' in i.yaml");
    }
}
