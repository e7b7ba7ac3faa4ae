package dev.floe.gitops.admission.tls;

import java.time.Instant;

import io.vertx.core.buffer.Buffer;

/**
 * A certificate chain and key that were read and checked to belong together. The key is re-encoded as
 * PKCS#8 PEM, so Vert.x gets one format whatever the file used (PKCS#1, SEC1 or PKCS#8).
 */
public record ServingPair(Buffer certPem, Buffer keyPem, Instant notAfter, String subject) {

    @Override
    public String toString() {
        return "ServingPair[subject=" + subject + ", notAfter=" + notAfter + "]"; // never the key
    }
}
