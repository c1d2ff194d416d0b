package dev.baselinewatch.simulator;

/**
 * An error answer, in the shape and with the codes the real service uses: the gateway's
 * {@code Code}/{@code Message} (signature, throttling, unknown action; see {@code shared/api/SIGNATURE.md})
 * or DataWorks' own {@code ErrorCode}/{@code ErrorMessage} with {@code Success: false}.
 */
final class SimulatorError extends Exception {

    private static final long serialVersionUID = 1L;

    final int httpStatus;
    final String code;
    final boolean business;
    /** Extra response headers, such as {@code x-ratelimit-user-api}. */
    final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    SimulatorError(int httpStatus, String code, String message) {
        this(httpStatus, code, message, false);
    }

    private SimulatorError(int httpStatus, String code, String message, boolean business) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.business = business;
    }

    static SimulatorError business(int httpStatus, String code, String message) {
        return new SimulatorError(httpStatus, code, message, true);
    }

    SimulatorError header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
