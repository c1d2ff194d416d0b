package dev.baselinewatch.dataworks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.Serializable;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Records every DataWorks answer the client gets to a JSON-lines file, for the simulator's replay
 * mode: action, parameters, HTTP status, {@code Date} and rate-limit headers, and the body. Nothing
 * of the request's signature or credentials is written, and account ids are replaced by stable
 * pseudonyms ({@code Owner} fields, long digit runs in messages), so a file can be shared.
 */
public final class ExchangeRecorder implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExchangeRecorder.class);
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12,}");
    /** Messages can name the caller's account ("The user does not exist. 276571706358178756"); ids and RequestIds stay. */
    private static final java.util.Set<String> MESSAGE_FIELDS = java.util.Set.of("ErrorMessage", "Message");
    /** One lock for the JVM: readers of one task manager may share a file. */
    private static final Object WRITE_LOCK = new Object();

    private final String file;
    /** Set once writing failed: recording is a diagnostic and must never stop the monitoring. */
    private transient volatile boolean broken;

    public ExchangeRecorder(Path file) {
        this.file = file.toString();
    }

    public Path file() {
        return Path.of(file);
    }

    void record(String action, Map<String, String> parameters, HttpResponse<String> response) {
        ObjectNode line = JSON.createObjectNode();
        line.put("action", action);
        line.set("parameters", JSON.valueToTree(new TreeMap<>(parameters)));
        line.put("status", response.statusCode());
        ObjectNode headers = line.putObject("headers");
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase();
            if (lower.equals("date") || lower.equals("x-acs-request-id") || lower.startsWith("x-ratelimit")) {
                headers.put(lower, String.join(",", values));
            }
        });
        line.put("body", scrub(response.body()));
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (WRITE_LOCK) {
            if (broken) {
                return;
            }
            try {
                Path path = Path.of(file).toAbsolutePath();
                Files.createDirectories(path.getParent());
                Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                broken = true;
                LOG.error("Cannot record DataWorks answers to {} (dataworks.recordTo): {}. Recording stops; "
                        + "watching and alerting go on.", file, e.toString());
            }
        }
    }

    /** The body with account ids replaced; a body that is not JSON is kept as it came. */
    static String scrub(String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
        if (tree == null) {
            return body;
        }
        scrubTree(tree);
        return tree.toString();
    }

    private static void scrubTree(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(ExchangeRecorder::scrubTree);
        } else if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.endsWith("Owner") && value.isValueNode() && !value.isNull()) {
                    object.set(name, TextNode.valueOf(pseudonym(value.asText())));
                } else if (MESSAGE_FIELDS.contains(name) && value.isTextual() && ACCOUNT_ID.matcher(value.asText()).find()) {
                    object.set(name, TextNode.valueOf(ACCOUNT_ID.matcher(value.asText()).replaceAll(m -> pseudonym(m.group()))));
                } else {
                    scrubTree(value);
                }
            }
        }
    }

    /** Stable, so one owner stays one owner across a recording; several owners are comma-separated. */
    static String pseudonym(String accountIds) {
        StringBuilder out = new StringBuilder();
        for (String id : accountIds.split(",")) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            String digest = AcsV3Signer.sha256Hex(("baseline-watch:" + id.trim()).getBytes(StandardCharsets.UTF_8));
            out.append("uid-").append(digest, 0, 10);
        }
        return out.toString();
    }
}
