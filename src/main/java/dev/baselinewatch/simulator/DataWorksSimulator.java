package dev.baselinewatch.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DataWorks OpenAPI simulator on 127.0.0.1: RPC style ({@code Action}, {@code Version=2020-05-18}),
 * every request's signature V3 verified against the scenario's keys and refused the way the service
 * refuses it, answers computed from the scenario at the simulated time, which it reports in the
 * {@code Date} header. Not a mock: the job talks to it exactly as it talks to DataWorks.
 */
public final class DataWorksSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataWorksSimulator.class);
    private static final ObjectMapper JSON = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final Scenario scenario;
    private final SimulatedClock clock;
    private final SimulatedDataWorks dataWorks;
    private final SignatureVerifier signatures;
    private final CallCounter calls = new CallCounter();
    private final FaultInjector faults;
    /** Set in replay mode: recorded answers instead of the scenario's. */
    private final ReplayLog replay;
    private final Server server;
    private final ServerConnector connector;
    private ScenarioTruth truth;

    private DataWorksSimulator(Scenario scenario, ReplayLog replay, String host, int port, Clock wallClock) {
        this.replay = replay;
        this.scenario = scenario;
        this.clock = new SimulatedClock(scenario.start(), scenario.speed());
        this.dataWorks = new SimulatedDataWorks(scenario);
        this.signatures = new SignatureVerifier(scenario.accessKeys(), wallClock);
        this.faults = new FaultInjector(scenario.faults());
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("dataworks-simulator");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // The Date header carries the simulated clock; Jetty would otherwise write the wall clock.
        http.setSendDateHeader(false);
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new RpcHandler());
    }

    /** Starts a simulator for {@code scenario}; port 0 picks a free one. */
    public static DataWorksSimulator start(Scenario scenario, int port) throws Exception {
        return start(scenario, "127.0.0.1", port, Clock.systemUTC());
    }

    /** {@code host} is the address to listen on: 127.0.0.1 unless it must be reached from other containers. */
    public static DataWorksSimulator start(Scenario scenario, String host, int port) throws Exception {
        return start(scenario, host, port, Clock.systemUTC());
    }

    static DataWorksSimulator start(Scenario scenario, String host, int port, Clock wallClock) throws Exception {
        DataWorksSimulator simulator = new DataWorksSimulator(scenario, null, host, port, wallClock);
        simulator.server.start();
        LOG.info("DataWorks simulator for scenario '{}' on {} (clock {}x from {})",
                scenario.name(), simulator.endpoint(), scenario.speed(), scenario.start());
        return simulator;
    }

    /**
     * Serves the answers recorded in {@code recording} (see {@code ExchangeRecorder}) in order, to
     * reproduce an incident offline. Requests are still signature-checked, with the published test key.
     */
    public static DataWorksSimulator replay(Path recording, String host, int port) throws Exception {
        Scenario keysOnly = ScenarioLoader.parse("""
                baselines: [ { id: 1, committedTime: "23:59", nodes: [ { expectedDuration: 1m } ] } ]
                """, "replay of " + recording);
        DataWorksSimulator simulator = new DataWorksSimulator(keysOnly, ReplayLog.load(recording), host, port, Clock.systemUTC());
        simulator.server.start();
        LOG.info("DataWorks simulator replaying {} recorded answers from {} on {}", simulator.replay.size(), recording, simulator.endpoint());
        return simulator;
    }

    public boolean replaying() {
        return replay != null;
    }

    /** In replay mode: every recorded answer has been served at least once. */
    public boolean replayExhausted() {
        return replay != null && replay.exhausted();
    }

    public URI endpoint() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    public SimulatedClock clock() {
        return clock;
    }

    public Scenario scenario() {
        return scenario;
    }

    public CallCounter calls() {
        return calls;
    }

    /**
     * The ground truth of the scenario being served (worked out on first call, then kept). For a scenario
     * with a very large number of instances prefer {@link ScenarioTruth#writeJsonLines(Scenario, java.io.Writer)}.
     */
    public synchronized ScenarioTruth truth() {
        if (truth == null) {
            truth = ScenarioTruth.of(scenario);
        }
        return truth;
    }

    /** Timelines the simulator holds in memory now: tests check the memory bound with it. */
    int cachedTimelines() {
        return dataWorks.cachedTimelines();
    }

    @Override
    public void close() throws Exception {
        faults.close();
        server.stop();
    }

    private final class RpcHandler extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long arrivedNanos = System.nanoTime();
            long arrivedMillis = System.currentTimeMillis();
            String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            long now = clock.nowMillis();
            String action = null;
            Map<String, String> parameters = Map.of();
            int status;
            Fault fault = null;
            ObjectNode body = JSON.createObjectNode();
            body.put("RequestId", requestId);
            Map<String, String> extraHeaders = Map.of();
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] payload = in.readAllBytes();
                Map<String, String> headers = new LinkedHashMap<>();
                for (HttpField field : request.getHeaders()) {
                    headers.put(field.getName().toLowerCase(Locale.ROOT), field.getValue());
                }
                parameters = RequestParameters.decodeForm(request.getHttpURI().getQuery());
                if (headers.getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded")) {
                    parameters.putAll(RequestParameters.decodeForm(new String(payload, StandardCharsets.UTF_8)));
                }
                action = headers.getOrDefault("x-acs-action", parameters.get("Action"));
                signatures.verify(request.getMethod(), headers, parameters, payload);
                String version = headers.getOrDefault("x-acs-version", parameters.get("Version"));
                if (!DataWorksHttpClient.API_VERSION.equals(version)) {
                    throw new SimulatorError(400, "InvalidVersion", "Specified parameter Version is not valid.");
                }
                if (replay != null) {
                    replay(arrivedNanos, arrivedMillis, action, parameters, response, callback);
                    return true;
                }
                fault = faults.strike(action, parameters, now);
                if (fault != null && fault.kind() == Fault.Kind.BAD_GATEWAY) {
                    throw new SimulatorError(502, "BadGateway", "502 Bad Gateway");
                }
                if (faults.hangs(fault)) {
                    calls.record(arrivedNanos, arrivedMillis, action, RequestParameters.baselineId(parameters), "HANG");
                    faults.beforeAnswer(fault, now);
                    callback.failed(new IllegalStateException("hung up by fault injection"));
                    return true;
                }
                if (fault != null) {
                    faults.beforeAnswer(fault, now);
                }
                Object data = dataWorks.answer(action == null ? "" : action, parameters, now);
                status = 200;
                body.put("Success", true);
                body.put("HttpStatusCode", 200);
                body.set("Data", JSON.valueToTree(data));
                calls.record(arrivedNanos, arrivedMillis, action, RequestParameters.baselineId(parameters), fault == null ? "OK" : "OK+" + fault.kind());
            } catch (SimulatorError e) {
                status = e.httpStatus;
                extraHeaders = e.headers;
                if (e.business) {
                    body.put("Success", false);
                    body.put("HttpStatusCode", e.httpStatus);
                    body.put("ErrorCode", e.code);
                    body.put("ErrorMessage", e.getMessage());
                } else {
                    body.put("HostId", request.getHttpURI().getHost());
                    body.put("Code", e.code);
                    body.put("Message", e.getMessage());
                    body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code);
                }
                calls.record(arrivedNanos, arrivedMillis, action, RequestParameters.baselineId(parameters), e.code);
            }
            response.setStatus(status);
            response.getHeaders().put("x-acs-request-id", requestId);
            response.getHeaders().put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.now().atOffset(ZoneOffset.UTC)));
            extraHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
            byte[] bytes;
            if (status == 502) {
                // A load balancer in front of the service answers with a page, not JSON.
                response.getHeaders().put("Content-Type", "text/html");
                bytes = "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            } else {
                response.getHeaders().put("Content-Type", "application/json;charset=utf-8");
                // Quirks and cut-offs dress up answers; an error answer keeps its own shape.
                bytes = faults.body(status == 200 ? fault : null, body, JSON);
            }
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return true;
        }
    }

    private void replay(long arrivedNanos, long arrivedMillis, String action, Map<String, String> parameters, Response response,
            Callback callback) {
        ReplayLog.Answer answer = replay.next(action, parameters);
        if (answer == null) {
            calls.record(arrivedNanos, arrivedMillis, action, RequestParameters.baselineId(parameters), "NotRecorded");
            response.setStatus(500);
            response.getHeaders().put("Content-Type", "application/json;charset=utf-8");
            response.write(true, ByteBuffer.wrap(("{\"Success\":false,\"HttpStatusCode\":500,\"ErrorCode\":"
                    + "\"Invalid.Wkbench.BaselineStatusNotExist\",\"ErrorMessage\":\"not in the recording\"}")
                    .getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        calls.record(arrivedNanos, arrivedMillis, action, RequestParameters.baselineId(parameters), "REPLAY");
        response.setStatus(answer.status());
        response.getHeaders().put("Content-Type", "application/json;charset=utf-8");
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8)), callback);
    }
}
