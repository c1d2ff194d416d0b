package dev.baselinewatch.simulator;

import dev.baselinewatch.dataworks.AcsV3Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an {@code ACS3-HMAC-SHA256} request the way the service does: known key, fresh timestamp
 * (wall clock, ±15 minutes, whatever the simulated clock says), unused nonce, payload hash and the
 * signature over the canonical request rebuilt from what actually arrived.
 */
final class SignatureVerifier {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    /**
     * How long a nonce is remembered: DataWorks' 15 minutes, unless the system property
     * {@value #NONCE_WINDOW_PROPERTY} (an ISO duration) says otherwise. Only the soak shortens it: in a
     * 16-minute run at 400 calls a second the nonces never reach their steady state and would hide
     * the job's own heap.
     */
    static final String NONCE_WINDOW_PROPERTY = "dataworks.simulator.nonceWindow";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "ACS3-HMAC-SHA256\\s+Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)");

    private final Map<String, String> secrets;
    private final Clock wallClock;
    /** Nonce to the wall time it was first used; entries older than the skew window are dropped. */
    private final LinkedHashMap<String, Instant> usedNonces = new LinkedHashMap<>();
    private final Duration nonceWindow;

    SignatureVerifier(Map<String, String> secrets, Clock wallClock) {
        this.secrets = Map.copyOf(secrets);
        this.wallClock = wallClock;
        this.nonceWindow = Duration.parse(System.getProperty(NONCE_WINDOW_PROPERTY, MAX_CLOCK_SKEW.toString()));
    }

    /**
     * @param headers request headers, names lowercased
     * @param parameters decoded query (and form body) parameters
     * @return the access key id that signed the request
     */
    String verify(String method, Map<String, String> headers, Map<String, String> parameters, byte[] body)
            throws SimulatorError {
        String authorization = headers.get("authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new SimulatorError(400, "MissingAuthorization", "Authorization header is required.");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw new SimulatorError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        }
        String keyId = m.group(1);
        String secret = secrets.get(keyId);
        if (secret == null) {
            throw new SimulatorError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        checkTimestamp(headers.get("x-acs-date"));

        String hashedPayload = AcsV3Signer.sha256Hex(body);
        if (!hashedPayload.equalsIgnoreCase(headers.getOrDefault("x-acs-content-sha256", ""))) {
            throw new SimulatorError(400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the body.");
        }
        Map<String, String> signed = new TreeMap<>();
        for (String name : m.group(2).split(";")) {
            String value = headers.get(name.toLowerCase());
            if (value == null) {
                throw new SimulatorError(400, "IncompleteSignature", "Signed header " + name + " is missing from the request.");
            }
            signed.put(name.toLowerCase(), value);
        }
        for (String required : new String[] {"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}) {
            if (!signed.containsKey(required)) {
                throw new SimulatorError(400, "IncompleteSignature", "Header " + required + " must be signed.");
            }
        }
        String canonical = AcsV3Signer.canonicalRequest(method, "/", parameters, signed, hashedPayload);
        String expected = AcsV3Signer.signature(canonical, secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), m.group(3).toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new SimulatorError(400, "SignatureDoesNotMatch",
                    "The request signature does not match. Expected string to sign: ACS3-HMAC-SHA256\\n"
                            + AcsV3Signer.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        useNonce(headers.get("x-acs-signature-nonce"));
        return keyId;
    }

    private void checkTimestamp(String date) throws SimulatorError {
        if (date == null) {
            throw new SimulatorError(400, "MissingParameter", "x-acs-date is mandatory for this action.");
        }
        Instant sent;
        try {
            sent = Instant.parse(date);
        } catch (DateTimeParseException e) {
            throw new SimulatorError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }
        if (Duration.between(sent, wallClock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new SimulatorError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
    }

    private synchronized void useNonce(String nonce) throws SimulatorError {
        Instant now = wallClock.instant();
        for (Iterator<Instant> it = usedNonces.values().iterator(); it.hasNext(); ) {
            if (Duration.between(it.next(), now).compareTo(nonceWindow) <= 0) {
                break;
            }
            it.remove();
        }
        if (usedNonces.putIfAbsent(nonce, now) != null) {
            throw new SimulatorError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }
}
