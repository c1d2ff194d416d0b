package dev.baselinewatch.dataworks;

/** What a failed call means for the poller, from the error table in the DataWorks docs. */
public enum ErrorClass {
    /** The job cannot work at all (no API access, wrong endpoint, bad credentials): stop and say why. */
    FATAL,
    /** This baseline or project cannot be read: report it, keep watching the others. */
    PER_BASELINE,
    /** The instance (or baseline, or event) does not exist (yet): not an error of the job. */
    NOT_FOUND,
    /** Slow down and retry later. */
    THROTTLED,
    /** The daily quota is spent: stop calling until it resets. */
    DAILY_CAP,
    /** Retry with backoff: internal errors, 5xx, broken connections, unparseable answers. */
    TRANSIENT;

    public static ErrorClass of(int httpStatus, String code) {
        String c = code == null ? "" : code;
        if (c.equals("Throttling.Api.Risk")) {
            return DAILY_CAP;
        }
        if (httpStatus == 429 || c.startsWith("Throttling")) {
            return THROTTLED;
        }
        if (c.equals("Forbidden.Wkbench.BaselineNoPermission") || c.equals("Forbidden.Wkbench.ProjectNoPermission")) {
            return PER_BASELINE;
        }
        if (c.equals("Invalid.Wkbench.BaselineStatusNotExist") || c.equals("Invalid.Wkbench.BaselineNotExist")
                || c.equals("Invalid.Wkbench.TopicNotExist")) {
            return NOT_FOUND;
        }
        if (c.equals("Forbidden.Access") || c.equals("Forbidden.Not.Server")
                || c.startsWith("InvalidAccessKeyId") || c.equals("SignatureDoesNotMatch")
                || c.equals("IncompleteSignature") || c.equals("MissingAuthorization")
                || c.startsWith("InvalidAction") || c.equals("InvalidVersion")) {
            return FATAL;
        }
        return TRANSIENT;
    }
}
