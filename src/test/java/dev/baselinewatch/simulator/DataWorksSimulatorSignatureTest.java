package dev.baselinewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baselinewatch.dataworks.AcsV3Signer;
import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.StaticCredentials;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator checks signatures as DataWorks does: real HTTP, real signing, the service's error codes. */
class DataWorksSimulatorSignatureTest {

    private static final String KEY_ID = "test-key";
    private static final String SECRET = "test-secret";
    private static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DataWorksSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        Scenario scenario = ScenarioLoader.parse("""
                timeZone: "+08:00"
                clock: { runDay: 2026-12-03, start: "01:00", speed: 1 }
                accessKeys: [ { id: test-key, secret: test-secret } ]
                baselines:
                  - id: 7
                    name: tiny
                    committedTime: "06:00"
                    nodes: [ { name: only, plannedStart: "02:00", expectedDuration: 10m } ]
                """, "inline");
        simulator = DataWorksSimulator.start(scenario, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    @Test
    void acceptsACorrectlySignedRequestAndAnswersOnTheSimulatedClock() throws Exception {
        try (DataWorksHttpClient client = client(SECRET, Clock.systemUTC())) {
            ApiAnswer<BaselineStatus> answer = client.getBaselineStatus(7, BIZDATE, 1);

            assertThat(answer.data().baselineId()).isEqualTo(7);
            assertThat(answer.data().finished()).isFalse();
            assertThat(answer.requestId()).isNotBlank();
            // The Date header is the scenario's clock (2026-12-03 01:00 +08:00), not the wall clock.
            long start = LocalDate.of(2026, 12, 3).atTime(1, 0).toInstant(ZoneOffset.ofHours(8)).toEpochMilli();
            assertThat(answer.serverTimeMillis()).isBetween(start - 1000, start + 600_000);
        }
    }

    @Test
    void rejectsARequestSignedWithTheWrongSecret() {
        try (DataWorksHttpClient client = client("not-the-secret", Clock.systemUTC())) {
            assertThatThrownBy(() -> client.getBaselineStatus(7, BIZDATE, 1))
                    .isInstanceOfSatisfying(DataWorksException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.errorClass()).isEqualTo(ErrorClass.FATAL);
                        assertThat(e.getMessage()).doesNotContain("not-the-secret");
                    });
        }
    }

    @Test
    void rejectsARequestTamperedWithAfterSigning() throws Exception {
        Map<String, String> signedParameters = Map.of("BaselineId", "7", "Bizdate", "2026-12-02T00:00:00+0800", "InGroupId", "1");
        HttpResponse<String> response = send(signedRequest(signedParameters, "nonce-tampered", Clock.systemUTC(), SECRET,
                "BaselineId=8&Bizdate=2026-12-02T00%3A00%3A00%2B0800&InGroupId=1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsAnExpiredTimestamp() {
        Clock twentyMinutesBehind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        try (DataWorksHttpClient client = client(SECRET, twentyMinutesBehind)) {
            assertThatThrownBy(() -> client.getBaselineStatus(7, BIZDATE, 1))
                    .isInstanceOfSatisfying(DataWorksException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("InvalidTimeStamp.Expired");
                    });
        }
    }

    @Test
    void rejectsAReplayedNonce() throws Exception {
        Map<String, String> parameters = Map.of("BaselineId", "7", "Bizdate", "2026-12-02T00:00:00+0800", "InGroupId", "1");
        String query = "BaselineId=7&Bizdate=2026-12-02T00%3A00%3A00%2B0800&InGroupId=1";
        HttpRequest request = signedRequest(parameters, "nonce-once", Clock.systemUTC(), SECRET, query);

        assertThat(send(request).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = send(request);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(code(replay)).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void rejectsAnUnknownAccessKeyAndAMissingSignature() throws Exception {
        try (DataWorksHttpClient client = new DataWorksHttpClient(simulator.endpoint(), ZoneOffset.ofHours(8),
                Duration.ofSeconds(2), Duration.ofSeconds(5), new StaticCredentials("nobody", SECRET))) {
            assertThatThrownBy(() -> client.getBaselineStatus(7, BIZDATE, 1))
                    .isInstanceOfSatisfying(DataWorksException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("InvalidAccessKeyId.NotFound");
                        assertThat(e.errorClass()).isEqualTo(ErrorClass.FATAL);
                    });
        }
        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(simulator.endpoint().resolve("/?BaselineId=7"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("x-acs-action", "GetBaselineStatus").build());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(code(unsigned)).isEqualTo("MissingAuthorization");
    }

    @Test
    void answersAnInstanceItDoesNotHaveWithTheServicesNotFoundCode() {
        try (DataWorksHttpClient client = client(SECRET, Clock.systemUTC())) {
            assertThatThrownBy(() -> client.getBaselineKeyPath(7, BIZDATE.minusDays(1), 1))
                    .isInstanceOfSatisfying(DataWorksException.class, e -> {
                        assertThat(e.code()).isEqualTo("Invalid.Wkbench.BaselineStatusNotExist");
                        assertThat(e.errorClass()).isEqualTo(ErrorClass.NOT_FOUND);
                        assertThat(e.serverTimeMillis()).isPositive();
                    });
        }
    }

    @Test
    void manyConcurrentSignedCallsNeverReuseANonce() throws Exception {
        long refusedBefore = simulator.calls().answers("SignatureNonceUsed");
        long okBefore = simulator.calls().answers("OK");
        try (DataWorksHttpClient client = client(SECRET, Clock.systemUTC())) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<ApiAnswer<BaselineStatus>>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                answers.add(threads.submit(() -> client.getBaselineStatus(7, BIZDATE, 1)));
            }
            for (Future<ApiAnswer<BaselineStatus>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).data().baselineId()).isEqualTo(7);
            }
            threads.shutdown();
        }
        assertThat(simulator.calls().answers("SignatureNonceUsed")).isEqualTo(refusedBefore);
        assertThat(simulator.calls().answers("OK") - okBefore).isEqualTo(400);
    }

    private static DataWorksHttpClient client(String secret, Clock clock) {
        return new DataWorksHttpClient(simulator.endpoint(), ZoneOffset.ofHours(8), Duration.ofSeconds(2), Duration.ofSeconds(5),
                new StaticCredentials(KEY_ID, secret), clock);
    }

    /** Signs {@code parameters} as the client does, then sends {@code rawQuery} (which may differ: tampering). */
    private static HttpRequest signedRequest(Map<String, String> parameters, String nonce, Clock clock, String secret, String rawQuery) {
        String emptyHash = AcsV3Signer.sha256Hex(new byte[0]);
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", simulator.endpoint().getRawAuthority());
        headers.put("x-acs-action", "GetBaselineStatus");
        headers.put("x-acs-content-sha256", emptyHash);
        headers.put("x-acs-date", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").format(clock.instant().atOffset(ZoneOffset.UTC)));
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-version", "2020-05-18");
        String canonical = AcsV3Signer.canonicalRequest("POST", "/", new LinkedHashMap<>(parameters), headers, emptyHash);
        HttpRequest.Builder request = HttpRequest.newBuilder(simulator.endpoint().resolve("/?" + rawQuery))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", AcsV3Signer.authorization(KEY_ID, headers.keySet(), AcsV3Signer.signature(canonical, secret)));
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        return request.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("RequestId").asText()).isEqualTo(response.headers().firstValue("x-acs-request-id").orElseThrow());
        return body.path("Code").asText();
    }
}
