package dev.floe.gitops.runtime.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A resolved secret, held in memory only. {@link #toString()} is masked so that logging or formatting it by
 * accident reveals only its length; {@link #expose()} is the one deliberate way out. Comparisons are
 * constant-time so that verifying a webhook token leaks nothing through timing.
 */
public final class SecretValue {

    private final byte[] bytes;
    private final int chars;

    private SecretValue(byte[] bytes, int chars) {
        this.bytes = bytes;
        this.chars = chars;
    }

    public static SecretValue of(String value) {
        return new SecretValue(value.getBytes(StandardCharsets.UTF_8), value.length());
    }

    /** The value as text, for the one call that needs it (an HMAC key, a Kafka password). Never log it. */
    public String expose() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of the UTF-8 bytes (e.g. an HMAC key). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return chars;
    }

    public boolean isEmpty() {
        return chars == 0;
    }

    /** Constant-time comparison with a presented value (a webhook token). */
    public boolean matches(String presented) {
        return constantTimeEquals(bytes, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time for equal lengths; a length difference returns early, which reveals only the length. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && constantTimeEquals(bytes, other.bytes);
    }

    /** Derived from the length only: a hash of the content would leak bits of it wherever hashes are shown. */
    @Override
    public int hashCode() {
        return Integer.hashCode(chars);
    }

    @Override
    public String toString() {
        return "*** (" + chars + " chars)";
    }

    /** Overwrites the bytes; for values that are no longer needed (best effort: Strings made by expose() remain). */
    public void wipe() {
        Arrays.fill(bytes, (byte) 0);
    }
}
