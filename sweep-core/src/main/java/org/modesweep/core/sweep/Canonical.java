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

    /** A short human form ({@code 0.05}, {@code 100}, {@code 1e-09}) for labels, not for hashes. */
    static String shortNum(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toString();
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
