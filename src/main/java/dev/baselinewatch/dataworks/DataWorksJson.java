package dev.baselinewatch.dataworks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON reader for DataWorks answers, lenient where the documented answers disagree with their docs. */
public final class DataWorksJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            // "Data": [] where an object is documented means "nothing".
            .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
            // ErrorCode and TopicName arrive as numbers, InGroupId sometimes as a string.
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private DataWorksJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
