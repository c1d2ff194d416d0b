package dev.baselinewatch.dataworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example from the public signature V3 guide, byte for byte. */
class AcsV3SignerTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void reproducesThePublicTestVector() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("RegionId", "cn-shanghai");
        query.put("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-acs-version", "2014-05-26");
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-date", "2023-10-26T10:22:32Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        headers.put("x-acs-content-sha256", EMPTY_SHA256);

        String canonical = AcsV3Signer.canonicalRequest("POST", "/", query, headers, EMPTY_SHA256);

        assertThat(AcsV3Signer.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
        assertThat(AcsV3Signer.signature(canonical, "YourAccessKeySecret"))
                .isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
        assertThat(AcsV3Signer.authorization("YourAccessKeyId", headers.keySet(), "sig"))
                .isEqualTo("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
                        + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=sig");
    }

    @Test
    void percentEncodesTheWayTheServiceCanonicalises() {
        assertThat(AcsV3Signer.percentEncode("a b*c~d/é+")).isEqualTo("a%20b%2Ac~d%2F%C3%A9%2B");
        assertThat(AcsV3Signer.canonicalQueryString(Map.of("b", "", "a", "1"))).isEqualTo("a=1&b=");
    }
}
