package dev.baselinewatch.dataworks;

/**
 * A parsed answer with what the job needs beyond its data: the request id (to trace an alert back
 * to the call it came from), the service's clock when it answered, which is the job's "now", and
 * how long the rate-limit headers ask to wait before the next call (0 when they do not).
 */
public record ApiAnswer<T>(T data, String requestId, long serverTimeMillis, long retryAfterMillis) {

    public ApiAnswer(T data, String requestId, long serverTimeMillis) {
        this(data, requestId, serverTimeMillis, 0L);
    }
}
