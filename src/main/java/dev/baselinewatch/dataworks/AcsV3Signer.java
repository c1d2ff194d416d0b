package dev.baselinewatch.dataworks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.InvalidKeyException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud signature V3 ({@code ACS3-HMAC-SHA256}), shared by the client that signs and the
 * simulator that verifies, so both follow the one canonical form pinned by the public test vector.
 */
public final class AcsV3Signer {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private AcsV3Signer() {}

    /** Canonical request of step 4; {@code signedHeaders} maps lowercase names to raw values. */
    public static String canonicalRequest(
            String method,
            String canonicalUri,
            Map<String, String> queryParameters,
            Map<String, String> signedHeaders,
            String hashedPayload) {
        TreeMap<String, String> headers = new TreeMap<>();
        signedHeaders.forEach((name, value) -> headers.put(name.toLowerCase(), value.trim()));
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        return method + '\n'
                + canonicalUri + '\n'
                + canonicalQueryString(queryParameters) + '\n'
                + canonicalHeaders + '\n'
                + String.join(";", headers.keySet()) + '\n'
                + hashedPayload;
    }

    public static String signature(String canonicalRequest, String accessKeySecret) {
        String stringToSign = ALGORITHM + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        return hmacSha256Hex(accessKeySecret, stringToSign);
    }

    public static String authorization(String accessKeyId, Collection<String> signedHeaderNames, String signature) {
        String names = signedHeaderNames.stream().map(String::toLowerCase).sorted().collect(Collectors.joining(";"));
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + names + ",Signature=" + signature;
    }

    static String canonicalQueryString(Map<String, String> parameters) {
        TreeMap<String, String> encoded = new TreeMap<>();
        parameters.forEach((name, value) -> encoded.put(percentEncode(name), percentEncode(value == null ? "" : value)));
        StringJoiner joined = new StringJoiner("&");
        encoded.forEach((name, value) -> joined.add(name + '=' + value));
        return joined.toString();
    }

    /** RFC 3986: only unreserved characters stay literal. */
    public static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String hmacSha256Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Never include the key: the message may end up in a log.
            throw new IllegalStateException("HMAC-SHA256 signing failed: " + e.getClass().getSimpleName());
        }
    }
}
