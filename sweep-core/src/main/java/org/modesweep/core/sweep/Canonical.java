package org.modesweep.core.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Bit-exact, JDK-independent text for numbers, and SHA-256 digests of such text. */
final class Canonical {
    private Canonical() {
    }

    /** {@link Double#toHexString}: exact and stable across JDK versions (unlike {@code toString}). */
    static String num(double x) {
        return Double.toHexString(x == 0 ? 0.0 : x);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
