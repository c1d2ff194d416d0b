package dev.baselinewatch.dataworks;

/** A DataWorks call that failed; the message carries the service's code and request id, never a credential. */
public class DataWorksException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorClass errorClass;
    private final int httpStatus;
    private final String code;
    private final String requestId;
    private final long serverTimeMillis;
    private final long retryAfterMillis;

    public DataWorksException(ErrorClass errorClass, int httpStatus, String code, String message, String requestId) {
        this(errorClass, httpStatus, code, message, requestId, 0L, 0L, null);
    }

    /** An error the service answered; {@code serverTimeMillis} is its clock then (0 if unknown). */
    public DataWorksException(
            ErrorClass errorClass, int httpStatus, String code, String message, String requestId, long serverTimeMillis) {
        this(errorClass, httpStatus, code, message, requestId, serverTimeMillis, 0L, null);
    }

    /** A throttling answer whose rate-limit headers said how long to wait ({@code retryAfterMillis}, 0 if they did not). */
    public DataWorksException(ErrorClass errorClass, int httpStatus, String code, String message, String requestId,
            long serverTimeMillis, long retryAfterMillis) {
        this(errorClass, httpStatus, code, message, requestId, serverTimeMillis, retryAfterMillis, null);
    }

    public DataWorksException(
            ErrorClass errorClass, int httpStatus, String code, String message, String requestId, Throwable cause) {
        this(errorClass, httpStatus, code, message, requestId, 0L, 0L, cause);
    }

    private DataWorksException(ErrorClass errorClass, int httpStatus, String code, String message, String requestId,
            long serverTimeMillis, long retryAfterMillis, Throwable cause) {
        super(describe(errorClass, httpStatus, code, message, requestId), cause);
        this.errorClass = errorClass;
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
        this.serverTimeMillis = serverTimeMillis;
        this.retryAfterMillis = retryAfterMillis;
    }

    private static String describe(ErrorClass errorClass, int httpStatus, String code, String message, String requestId) {
        return errorClass + " DataWorks error"
                + (httpStatus > 0 ? " HTTP " + httpStatus : "")
                + (code != null ? " " + code : "")
                + (message != null ? ": " + message : "")
                + (requestId != null ? " (RequestId " + requestId + ")" : "");
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }

    /** What the rate-limit headers asked to wait before calling again; 0 when they said nothing. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** The service's clock when it answered with this error; 0 when it did not answer at all. */
    public long serverTimeMillis() {
        return serverTimeMillis;
    }
}
