package dev.baselinewatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers recorded by {@code ExchangeRecorder}, served back in order: the n-th call with the same
 * action and parameters gets the n-th recorded answer, with its recorded status, body and
 * {@code Date} (so DataWorks time is the incident's), and the last one again once they run out.
 */
final class ReplayLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded answer. */
    record Answer(int status, String body, Map<String, String> headers) {}

    private final Map<String, List<Answer>> answers = new LinkedHashMap<>();
    private final Map<String, Integer> served = new HashMap<>();

    private ReplayLog() {}

    static ReplayLog load(Path file) {
        ReplayLog log = new ReplayLog();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read recording " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode line = JSON.readTree(lines.get(i));
                Map<String, String> parameters = new TreeMap<>();
                line.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
                Map<String, String> headers = new LinkedHashMap<>();
                line.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
                log.answers.computeIfAbsent(key(line.path("action").asText(), parameters), k -> new ArrayList<>())
                        .add(new Answer(line.path("status").asInt(200), line.path("body").asText(), headers));
            } catch (IOException e) {
                throw new IllegalArgumentException("Recording " + file + " line " + (i + 1) + " is not a recorded answer: " + e.getMessage());
            }
        }
        if (log.answers.isEmpty()) {
            throw new IllegalArgumentException("Recording " + file + " holds no answers");
        }
        return log;
    }

    /** The next recorded answer for this call, or null when nothing like it was recorded. */
    synchronized Answer next(String action, Map<String, String> parameters) {
        String key = key(action, parameters);
        List<Answer> recorded = answers.get(key);
        if (recorded == null) {
            return null;
        }
        int index = served.merge(key, 1, Integer::sum) - 1;
        return recorded.get(Math.min(index, recorded.size() - 1));
    }

    /** Every recorded answer has been served at least once. */
    synchronized boolean exhausted() {
        return answers.entrySet().stream().allMatch(e -> served.getOrDefault(e.getKey(), 0) >= e.getValue().size());
    }

    synchronized int size() {
        return answers.values().stream().mapToInt(List::size).sum();
    }

    private static String key(String action, Map<String, String> parameters) {
        return action + " " + new TreeMap<>(parameters);
    }
}
