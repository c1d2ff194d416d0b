package dev.baselinewatch.dataworks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExchangeRecorderTest {

    @Test
    void scrubsOwnersAndAccountIdsInMessagesButKeepsIdsAndRequestIds() {
        String scrubbed = ExchangeRecorder.scrub("""
                {"RequestId":"149420E7-D1DC-46A1-A8F6-284869368734","ErrorMessage":"The user does not exist. 276571706358178756",
                 "Data":{"BaselineId":123456789012345,"Owner":"9527952795001","LastInstance":{"Owner":"1,2","NodeName":"n_202612030001"}}}
                """);

        assertThat(scrubbed).contains("149420E7-D1DC-46A1-A8F6-284869368734").contains("123456789012345").contains("n_202612030001")
                .doesNotContain("276571706358178756").doesNotContain("9527952795001")
                .contains(ExchangeRecorder.pseudonym("9527952795001"))
                .contains(ExchangeRecorder.pseudonym("1") + "," + ExchangeRecorder.pseudonym("2"));
        assertThat(ExchangeRecorder.pseudonym("9527952795001")).matches("uid-[0-9a-f]{10}");
        assertThat(ExchangeRecorder.scrub("<html>502</html>")).isEqualTo("<html>502</html>");
    }
}
