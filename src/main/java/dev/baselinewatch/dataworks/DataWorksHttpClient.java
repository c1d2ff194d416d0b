package dev.baselinewatch.dataworks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.baselinewatch.dataworks.model.ApiEnvelope;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfigPage;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.StatusQuery;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.dataworks.model.TopicPage;
import java.time.Instant;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * DataWorks OpenAPI (RPC style, version 2020-05-18) over HTTP(S), each request signed with
 * signature V3. One attempt per call: the source decides when to try again, so that waiting is
 * scheduled by the poller and never hidden inside a call.
 */
public final class DataWorksHttpClient implements DataWorksApi {

    public static final String API_VERSION = "2020-05-18";
    /** The code of an answer that could not be parsed; counted and reported, the poll is retried. */
    public static final String MALFORMED = "MalformedResponse";
    private static final String EMPTY_BODY_SHA256 = AcsV3Signer.sha256Hex(new byte[0]);
    private static final DateTimeFormatter ACS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final TypeReference<ApiEnvelope<BaselineStatus>> STATUS = new TypeReference<>() {};
    private static final TypeReference<ApiEnvelope<List<KeyPathNode>>> KEY_PATH = new TypeReference<>() {};
    private static final TypeReference<ApiEnvelope<BaselineStatusPage>> STATUS_PAGE = new TypeReference<>() {};
    private static final TypeReference<ApiEnvelope<BaselineConfigPage>> CONFIG_PAGE = new TypeReference<>() {};
    private static final TypeReference<ApiEnvelope<BaselineConfig>> CONFIG = new TypeReference<>() {};
    private static final TypeReference<ApiEnvelope<TopicPage>> TOPIC_PAGE = new TypeReference<>() {};
    private static final TypeReference<ApiEnvelope<Topic>> TOPIC = new TypeReference<>() {};
    /** As the docs' example writes it: the project's offset, not UTC ({@code 2019-03-24T00:00:00+0800}). */
    private static final DateTimeFormatter TOPIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    private final URI endpoint;
    private final ZoneId projectZone;
    private final Duration readTimeout;
    private final CredentialsProvider credentials;
    private final Clock clock;
    private final HttpClient http;
    private ExchangeRecorder recorder;

    public DataWorksHttpClient(
            URI endpoint, ZoneId projectZone, Duration connectTimeout, Duration readTimeout, CredentialsProvider credentials) {
        this(endpoint, projectZone, connectTimeout, readTimeout, credentials, Clock.systemUTC());
    }

    /** {@code clock} signs the requests ({@code x-acs-date}); tests use a skewed one. */
    public DataWorksHttpClient(
            URI endpoint,
            ZoneId projectZone,
            Duration connectTimeout,
            Duration readTimeout,
            CredentialsProvider credentials,
            Clock clock) {
        this.endpoint = endpoint;
        this.projectZone = projectZone;
        this.readTimeout = readTimeout;
        this.credentials = credentials;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** Records every answer from now on (see {@link ExchangeRecorder}); for reproducing an incident offline. */
    public DataWorksHttpClient recordingTo(ExchangeRecorder recorder) {
        this.recorder = recorder;
        return this;
    }

    @Override
    public ApiAnswer<BaselineStatus> getBaselineStatus(long baselineId, LocalDate bizdate, int inGroupId)
            throws DataWorksException {
        return call("GetBaselineStatus", instanceParameters(baselineId, bizdate, inGroupId), STATUS);
    }

    @Override
    public ApiAnswer<List<KeyPathNode>> getBaselineKeyPath(long baselineId, LocalDate bizdate, int inGroupId)
            throws DataWorksException {
        ApiAnswer<List<KeyPathNode>> answer =
                call("GetBaselineKeyPath", instanceParameters(baselineId, bizdate, inGroupId), KEY_PATH);
        // "Data": null means an empty key path (no node instances generated yet).
        return answer.data() == null ? withData(answer, List.<KeyPathNode>of()) : answer;
    }

    @Override
    public ApiAnswer<BaselineStatusPage> listBaselineStatuses(LocalDate bizdate, int pageNumber, int pageSize, StatusQuery query)
            throws DataWorksException {
        Map<String, String> parameters = paging(pageNumber, pageSize);
        parameters.put("Bizdate", Bizdates.toRequestParameter(bizdate, projectZone));
        putIfSet(parameters, "FinishStatus", query.finishStatus());
        putIfSet(parameters, "Status", query.status());
        putIfSet(parameters, "Priority", query.priority());
        putIfSet(parameters, "Owner", query.owner());
        putIfSet(parameters, "BaselineTypes", query.baselineTypes());
        putIfSet(parameters, "SearchText", query.searchText());
        ApiAnswer<BaselineStatusPage> answer = call("ListBaselineStatuses", parameters, STATUS_PAGE);
        return answer.data() == null ? withData(answer, new BaselineStatusPage(pageNumber, pageSize, 0, List.of())) : answer;
    }

    @Override
    public ApiAnswer<BaselineConfigPage> listBaselines(long projectId, int pageNumber, int pageSize, String priority, String owner,
            String baselineTypes) throws DataWorksException {
        Map<String, String> parameters = paging(pageNumber, pageSize);
        parameters.put("ProjectId", Long.toString(projectId));
        putIfSet(parameters, "Priority", priority);
        putIfSet(parameters, "Owner", owner);
        putIfSet(parameters, "BaselineTypes", baselineTypes);
        ApiAnswer<BaselineConfigPage> answer = call("ListBaselines", parameters, CONFIG_PAGE);
        return answer.data() == null ? withData(answer, new BaselineConfigPage(pageNumber, pageSize, 0, List.of())) : answer;
    }

    @Override
    public ApiAnswer<BaselineConfig> getBaseline(long baselineId) throws DataWorksException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("BaselineId", Long.toString(baselineId));
        return call("GetBaseline", parameters, CONFIG);
    }

    @Override
    public ApiAnswer<TopicPage> listTopics(Instant begin, Instant end, String topicStatuses, String topicTypes, Long instanceId,
            int pageNumber, int pageSize) throws DataWorksException {
        Map<String, String> parameters = paging(pageNumber, pageSize);
        parameters.put("BeginTime", TOPIC_TIME.format(begin.atZone(projectZone)));
        parameters.put("EndTime", TOPIC_TIME.format(end.atZone(projectZone)));
        putIfSet(parameters, "TopicStatuses", topicStatuses);
        putIfSet(parameters, "TopicTypes", topicTypes);
        putIfSet(parameters, "InstanceId", instanceId == null ? null : instanceId.toString());
        ApiAnswer<TopicPage> answer = call("ListTopics", parameters, TOPIC_PAGE);
        return answer.data() == null ? withData(answer, new TopicPage(pageNumber, pageSize, 0, List.of())) : answer;
    }

    @Override
    public ApiAnswer<Topic> getTopic(long topicId) throws DataWorksException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("TopicId", Long.toString(topicId));
        return call("GetTopic", parameters, TOPIC);
    }

    private static Map<String, String> paging(int pageNumber, int pageSize) {
        if (pageNumber < 1 || pageNumber > MAX_PAGE_NUMBER || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pages are 1.." + MAX_PAGE_NUMBER + " of 1.." + MAX_PAGE_SIZE
                    + " rows, asked page " + pageNumber + " of " + pageSize);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("PageNumber", Integer.toString(pageNumber));
        parameters.put("PageSize", Integer.toString(pageSize));
        return parameters;
    }

    private static void putIfSet(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value);
        }
    }

    private static <T> ApiAnswer<T> withData(ApiAnswer<?> answer, T data) {
        return new ApiAnswer<>(data, answer.requestId(), answer.serverTimeMillis(), answer.retryAfterMillis());
    }

    private Map<String, String> instanceParameters(long baselineId, LocalDate bizdate, int inGroupId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("BaselineId", Long.toString(baselineId));
        parameters.put("Bizdate", Bizdates.toRequestParameter(bizdate, projectZone));
        parameters.put("InGroupId", Integer.toString(inGroupId));
        return parameters;
    }

    private <T> ApiAnswer<T> call(String action, Map<String, String> parameters, TypeReference<ApiEnvelope<T>> type)
            throws DataWorksException {
        HttpResponse<String> response = send(action, parameters);
        if (recorder != null) {
            recorder.record(action, parameters, response);
        }
        long serverTime = serverTime(response);
        String requestId = response.headers().firstValue("x-acs-request-id").orElse(null);
        int httpStatus = response.statusCode();
        ApiEnvelope<T> envelope;
        try {
            JavaType javaType = DataWorksJson.mapper().getTypeFactory().constructType(type);
            envelope = DataWorksJson.mapper().readValue(response.body(), javaType);
        } catch (JsonProcessingException e) {
            // A gateway can answer 429 or 5xx with a page that is not JSON: the status still says what happened.
            ErrorClass errorClass = httpStatus == 429 ? ErrorClass.THROTTLED : ErrorClass.TRANSIENT;
            String code = httpStatus == 429 ? "Throttling" : httpStatus >= 500 ? "HTTP" + httpStatus : MALFORMED;
            throw new DataWorksException(errorClass, httpStatus, code,
                    action + " answer could not be parsed: " + e.getOriginalMessage(), requestId, serverTime,
                    retryAfter(response, errorClass));
        }
        if (envelope == null) {
            throw new DataWorksException(ErrorClass.TRANSIENT, httpStatus, MALFORMED,
                    action + " answered an empty body", requestId, serverTime);
        }
        if (envelope.requestId() != null) {
            requestId = envelope.requestId();
        }
        boolean failed = httpStatus >= 300
                || Boolean.FALSE.equals(envelope.success())
                || (envelope.success() == null && envelope.code() != null);
        if (failed) {
            int status = httpStatus >= 300 ? httpStatus : envelope.httpStatusCode() == null ? httpStatus : envelope.httpStatusCode();
            String code = envelope.anyErrorCode();
            ErrorClass errorClass = ErrorClass.of(status, code);
            throw new DataWorksException(errorClass, status, code, envelope.anyErrorMessage(), requestId, serverTime,
                    retryAfter(response, errorClass));
        }
        return new ApiAnswer<>(envelope.data(), requestId, serverTime, retryAfter(response, ErrorClass.TRANSIENT));
    }

    /** The wait the rate-limit headers ask for; on a success only when they say the allowance is used up. */
    private static long retryAfter(HttpResponse<?> response, ErrorClass errorClass) {
        return RateLimit.waitMillis(response.headers(), errorClass == ErrorClass.THROTTLED).orElse(0L);
    }

    private HttpResponse<String> send(String action, Map<String, String> parameters) throws DataWorksException {
        AccessKey key = credentials.accessKey();
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("host", endpoint.getRawAuthority());
        signed.put("x-acs-action", action);
        signed.put("x-acs-content-sha256", EMPTY_BODY_SHA256);
        signed.put("x-acs-date", ACS_DATE.format(clock.instant().atZone(ZoneId.of("UTC"))));
        signed.put("x-acs-signature-nonce", Nonces.next());
        signed.put("x-acs-version", API_VERSION);
        if (key.securityToken() != null) {
            signed.put("x-acs-security-token", key.securityToken());
        }
        String canonical = AcsV3Signer.canonicalRequest("POST", "/", parameters, signed, EMPTY_BODY_SHA256);
        String authorization = AcsV3Signer.authorization(
                key.accessKeyId(), signed.keySet(), AcsV3Signer.signature(canonical, key.accessKeySecret()));

        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/?" + query(parameters)))
                .timeout(readTimeout)
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        // Java's client sets Host itself, from the same authority that was signed.
        signed.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataWorksException(ErrorClass.TRANSIENT, 0, e.getClass().getSimpleName(),
                    action + " to " + endpoint.getHost() + " failed: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataWorksException(ErrorClass.TRANSIENT, 0, "Interrupted", action + " was interrupted", null, e);
        }
    }

    private static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(AcsV3Signer.percentEncode(name) + '=' + AcsV3Signer.percentEncode(value)));
        return query.toString();
    }

    /** The service's clock from the {@code Date} header; ours when the header is missing or odd. */
    private long serverTime(HttpResponse<?> response) {
        return response.headers().firstValue("Date")
                .map(value -> {
                    try {
                        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                    } catch (RuntimeException e) {
                        return null;
                    }
                })
                .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }
}
