package dev.baselinewatch.dataworks;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Signature nonces: 128 random bits each, so concurrent callers and retries never repeat one. */
final class Nonces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {}

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
