package dev.baselinewatch.source.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.dataworks.model.BaselineConfig;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineProfileTest {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @Test
    void anHourlyCycleCommittedAfterMidnightFallsOnTheNextDay() {
        BaselineConfig config = new BaselineConfig(9L, "hourly_orders\n", 10L, "HOURLY", 8, "200001", true, true, 20,
                List.of(new BaselineConfig.OverTimeSetting(1, "03:58"), new BaselineConfig.OverTimeSetting(24, "26:58")));
        BaselineProfile profile = BaselineProfile.of(config);

        assertThat(profile.name()).isEqualTo("hourly_orders");
        assertThat(profile.hourly()).isTrue();
        assertThat(profile.cyclesOr(new int[] {1})).containsExactly(1, 24);
        LocalDate bizdate = LocalDate.of(2026, 12, 2);
        assertThat(profile.committedAt(bizdate, 1, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 12, 3, 3, 58, 0, 0, SHANGHAI).toInstant().toEpochMilli());
        assertThat(profile.committedAt(bizdate, 24, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 12, 4, 2, 58, 0, 0, SHANGHAI).toInstant().toEpochMilli());
        assertThat(profile.alertAt(bizdate, 24, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 12, 4, 2, 38, 0, 0, SHANGHAI).toInstant().toEpochMilli());
        assertThat(profile.committedAt(bizdate, 2, SHANGHAI)).as("a cycle it does not have").isNull();
        assertThat(profile.toInfo().type).isEqualTo("HOURLY");
    }

    @Test
    void oddClockTextsAreUnknownNotErrors() {
        assertThat(BaselineProfile.minutesOf("48:00")).isNull();
        assertThat(BaselineProfile.minutesOf("soon")).isNull();
        assertThat(BaselineProfile.minutesOf(" 06:30:00 ")).isEqualTo(390);
        assertThat(BaselineProfile.UNKNOWN.known()).isFalse();
        assertThat(BaselineProfile.UNKNOWN.priorityOrDefault()).isEqualTo(5);
    }
}
