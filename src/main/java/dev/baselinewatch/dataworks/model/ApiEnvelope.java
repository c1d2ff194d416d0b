package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields every DataWorks answer may carry around its {@code Data}. Business errors use
 * {@code ErrorCode}/{@code ErrorMessage} (the code is a JSON number in documented samples), while
 * the gateway uses {@code Code}/{@code Message}; {@code ErrorMessage} can be set on a success.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiEnvelope<T>(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("Success") Boolean success,
        @JsonProperty("HttpStatusCode") Integer httpStatusCode,
        @JsonProperty("ErrorCode") String errorCode,
        @JsonProperty("ErrorMessage") String errorMessage,
        @JsonProperty("Code") String code,
        @JsonProperty("Message") String message,
        @JsonProperty("Data") T data) {

    /** The error code, whichever of the two conventions the answer used. */
    public String anyErrorCode() {
        return code != null ? code : errorCode;
    }

    public String anyErrorMessage() {
        return message != null ? message : errorMessage;
    }
}
