package dev.baselinewatch.dataworks;

/**
 * A parsed answer with what the job needs beyond its data: the request id (to trace an alert back
 * to the call it came from) and the service's clock when it answered, which is the job's "now".
 */
public record ApiAnswer<T>(T data, String requestId, long serverTimeMillis) {}
