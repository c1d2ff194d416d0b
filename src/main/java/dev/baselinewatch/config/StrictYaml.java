package dev.baselinewatch.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads a YAML file people write (job configs, simulator scenarios) strictly: an unknown key or a
 * value of the wrong type fails with its full key path, the file, and the keys allowed there.
 */
public final class StrictYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrictYaml() {}

    /**
     * @param noun what the file is, for messages ("Job config", "Scenario")
     * @param where how messages name the file ({@code job-config/x.yaml}, {@code scenario my.yaml})
     */
    public static <T> T read(String yaml, Class<T> type, String noun, String where) {
        T value;
        try {
            value = YAML.readValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException("Unknown key '" + keyOf(e) + "' in " + where + " (known here: " + known + ")");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new ConfigException(noun + " " + where + " is empty or not a YAML mapping: " + e.getOriginalMessage());
            }
            throw new ConfigException("Bad value for '" + keyOf(e) + "' in " + where + ": " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException("Bad value for '" + keyOf(e) + "' in " + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(noun + " " + where + " is not valid YAML: " + e.getMessage(), e);
        }
        if (value == null) {
            throw new ConfigException(noun + " " + where + " is empty");
        }
        return value;
    }

    private static String keyOf(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.toString();
    }
}
