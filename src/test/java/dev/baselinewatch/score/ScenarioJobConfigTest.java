package dev.baselinewatch.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.config.JobConfigLoader;
import dev.baselinewatch.config.Settings;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.source.DiscoveryRule;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class ScenarioJobConfigTest {

    @Test
    void watchesEveryProjectOfTheScenarioOnTheProductionScheduleScaledToItsClock() {
        Scenario scenario = ScenarioLoader.parse("""
                name: someone else's
                timeZone: "+09:00"
                clock: { speed: 720 }
                baselines:
                  - { id: 1, projectId: 7, committedTime: "06:00", nodes: [ { plannedStart: "01:00", expectedDuration: 30m } ] }
                generate:
                  - { count: 20, firstId: 100, projects: [3, 5], committedWindow: ["06:00", "08:00"] }
                """, "theirs.yaml");

        Settings settings = JobConfigLoader.parse(ScenarioJobConfig.yaml(scenario), "generated.yaml");

        assertThat(settings.watch().discovery()).extracting(DiscoveryRule::projectId).containsExactly(3L, 5L, 7L);
        assertThat(settings.watch().baselines()).isEmpty();
        // 5, 15 and 60 DataWorks minutes at 720x.
        assertThat(settings.polling().pollInterval()).isEqualTo(Duration.ofMillis(417));
        assertThat(settings.polling().farPollInterval()).isEqualTo(Duration.ofMillis(1250));
        assertThat(settings.polling().blindSpotAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.polling().budget().callsPerSecond()).isEqualTo(1000);
        assertThat(settings.projectZone().getId()).isEqualTo("+09:00");
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
    }

    @Test
    void aRealTimeClockKeepsTheProductionScheduleAndRate() {
        Scenario scenario = ScenarioLoader.parse("""
                baselines:
                  - { id: 1, committedTime: "06:00", nodes: [ { plannedStart: "01:00", expectedDuration: 30m } ] }
                """, "real-time.yaml");

        Settings settings = JobConfigLoader.parse(ScenarioJobConfig.yaml(scenario), "generated.yaml");

        assertThat(settings.polling().pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.polling().farPollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.polling().budget().callsPerSecond()).isEqualTo(5);
    }
}
