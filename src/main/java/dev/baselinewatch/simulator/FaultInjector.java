package dev.baselinewatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Applies a scenario's faults to calls: error answers in the service's own shapes, answers that are
 * late, never come, are cut off or use the documented odd spellings.
 */
final class FaultInjector {

    private final List<Fault> faults;
    /** Released when the simulator stops, so a hanging or slow answer never holds up shutdown. */
    private final CountDownLatch closing = new CountDownLatch(1);

    FaultInjector(List<Fault> faults) {
        this.faults = faults;
    }

    /** The first fault that strikes this call, or null. */
    Fault strike(String action, Map<String, String> parameters, long simulatedNow) {
        Long baselineId = RequestParameters.baselineId(parameters);
        for (Fault fault : faults) {
            if (fault.strikes(action, baselineId, simulatedNow)) {
                return fault;
            }
        }
        return null;
    }

    /** Throws the error answer of an error fault; waits for SLOW and HANG; returns for the rest. */
    void beforeAnswer(Fault fault, long simulatedNow) throws SimulatorError, InterruptedException {
        switch (fault.kind) {
            case THROTTLE -> throw rateLimited(new SimulatorError(429, "Throttling.User", "Request was denied due to user flow control."), fault, simulatedNow);
            case THROTTLE_400 -> throw rateLimited(new SimulatorError(400, "Throttling.Api", "Request was denied due to api flow control."), fault, simulatedNow);
            case DAILY_CAP -> throw new SimulatorError(429, "Throttling.Api.Risk", "Request was denied because the daily API quota is used up.");
            case INTERNAL_ERROR -> throw SimulatorError.business(500, "InternalError.System", "An internal error occurred. Try again later.");
            case NO_PERMISSION -> throw SimulatorError.business(500, "Forbidden.Wkbench.BaselineNoPermission", "You have no permission to the baseline.");
            case FORBIDDEN_ACCESS -> throw new SimulatorError(403, "Forbidden.Access", "This DataWorks edition cannot call the API. Upgrade the edition.");
            case SLOW -> closing.await(fault.delayMillis, TimeUnit.MILLISECONDS);
            case HANG -> closing.await(10, TimeUnit.MINUTES);
            default -> { }
        }
    }

    boolean hangs(Fault fault) {
        return fault != null && fault.kind == Fault.Kind.HANG;
    }

    /** The body as the fault wants it sent. */
    byte[] body(Fault fault, ObjectNode answer, ObjectMapper json) throws Exception {
        if (fault != null && fault.kind == Fault.Kind.QUIRKS) {
            quirk(answer);
        }
        byte[] bytes = json.writeValueAsBytes(answer);
        if (fault != null && fault.kind == Fault.Kind.MALFORMED) {
            return java.util.Arrays.copyOf(bytes, bytes.length / 2);
        }
        return bytes;
    }

    void close() {
        closing.countDown();
    }

    /** The variants the docs show: numeric ErrorCode and ErrorMessage on a success, text InGroupId, DANGROUS, numeric TopicName. */
    private static void quirk(ObjectNode answer) {
        answer.put("ErrorCode", 1031203110005L);
        answer.put("ErrorMessage", "The specified parameters are invalid.");
        quirkTree(answer.get("Data"));
    }

    private static void quirkTree(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(FaultInjector::quirkTree);
        } else if (node instanceof ObjectNode object) {
            if (object.has("InGroupId")) {
                object.set("InGroupId", TextNode.valueOf(object.get("InGroupId").asText()));
            }
            if ("DANGEROUS".equals(object.path("Status").asText())) {
                object.put("Status", "DANGROUS");
            }
            JsonNode topicName = object.get("TopicName");
            if (topicName != null && object.has("TopicId")) {
                object.put("TopicName", object.get("TopicId").asLong());
            }
            object.properties().forEach(e -> quirkTree(e.getValue()));
        }
    }

    private static SimulatorError rateLimited(SimulatorError error, Fault fault, long simulatedNow) {
        if (fault.rateLimitHeader) {
            error.header("x-ratelimit-user-api",
                    "Limit:5,Remain:0,TimeLeft:" + fault.timeLeftMillis + ",Reset:" + (simulatedNow + fault.timeLeftMillis));
        }
        return error;
    }
}
