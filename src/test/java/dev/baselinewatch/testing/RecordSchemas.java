package dev.baselinewatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.baselinewatch.alert.JsonRecordSerializer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas ({@code src/main/resources/schemas}), loaded from the classpath, and a
 * check of records against them: written with the job's own JSON mapper, so what is validated is
 * what goes to Kafka.
 */
public final class RecordSchemas {

    public static final String ALERTS = "alerts.v1.schema.json";
    public static final String EVENTS = "events.v1.schema.json";
    public static final String LATENESS = "lateness.v1.schema.json";

    private static final String BASE = "https://baseline-watch.dev/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper MAPPER = JsonRecordSerializer.newMapper();

    private RecordSchemas() {}

    /** What is wrong with {@code record} against the named schema; empty when it conforms. */
    public static List<String> problems(String schema, JsonNode record) {
        JsonSchema s = SCHEMAS.computeIfAbsent(schema, name -> FACTORY.getSchema(SchemaLocation.of(BASE + name)));
        return s.validate(record).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The record as the Kafka sinks write it. */
    public static JsonNode asJson(Object record) {
        return MAPPER.valueToTree(record);
    }
}
