package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.floe.gitops.admission.tls.CertificateFiles;
import dev.floe.gitops.admission.tls.SelfSignedCertificates;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * A real HTTPS client verifies the server against the printed CA; rotated files are picked up by new
 * connections; a broken new pair is refused and the old certificate stays in use.
 */
class TlsAndRotationTest {

    private static final String REVIEW = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":"
            + "{\"uid\":\"tls-1\",\"operation\":\"DELETE\",\"kind\":{\"kind\":\"Pod\"}}}";

    @TempDir Path dir;
    Vertx vertx;
    TestWebhook webhook;
    CertificateFiles serving;
    SelfSignedCertificates.Generated first;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        first = SelfSignedCertificates.ensure(dir.resolve("first"), Instant.now());
        Files.createDirectories(dir.resolve("serving"));
        serving = new CertificateFiles(dir.resolve("serving/tls.crt"), dir.resolve("serving/tls.key"));
        install(first.files(), 1);
        webhook = new TestWebhook(vertx, dir.resolve("first"), AdmissionConfig.defaults(), serving);
    }

    @AfterEach
    void stop() throws Exception {
        webhook.close();
        vertx.close().await();
    }

    @Test
    void aClientTrustingTheGeneratedCaVerifiesTheServer() throws Exception {
        assertThat(call(first.caBundle(), Set.of("TLSv1.2")).statusCode()).isEqualTo(200);
        assertThat(call(first.caBundle(), Set.of("TLSv1.3")).statusCode()).isEqualTo(200);
        assertThat(webhook.server.readiness().isReady()).isTrue();
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() throws Exception {
        SelfSignedCertificates.Generated stranger = SelfSignedCertificates.ensure(dir.resolve("stranger"), Instant.now());
        assertThatThrownBy(() -> call(stranger.caBundle(), Set.of("TLSv1.2", "TLSv1.3"))).isInstanceOf(Exception.class);
    }

    @Test
    void tlsOlderThanOnePointTwoIsRefused() {
        assertThatThrownBy(() -> call(first.caBundle(), Set.of("TLSv1.1"))).isInstanceOf(Exception.class);
    }

    @Test
    void rotatedFilesServeNewConnectionsAndABrokenPairKeepsTheOld() throws Exception {
        SelfSignedCertificates.Generated second = SelfSignedCertificates.ensure(dir.resolve("second"), Instant.now());
        install(second.files(), 2);
        webhook.server.reloader().check().await(10, TimeUnit.SECONDS);
        assertThat(call(second.caBundle(), Set.of("TLSv1.3")).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> call(first.caBundle(), Set.of("TLSv1.3"))).isInstanceOf(Exception.class);

        // cert-manager mid-rotation: a new certificate with the old key does not belong together.
        SelfSignedCertificates.Generated third = SelfSignedCertificates.ensure(dir.resolve("third"), Instant.now());
        Files.copy(third.files().cert(), serving.cert(), StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(serving.cert(), FileTime.fromMillis(System.currentTimeMillis() + 3_000));
        webhook.server.reloader().check().await(10, TimeUnit.SECONDS);
        assertThat(call(second.caBundle(), Set.of("TLSv1.3")).statusCode()).isEqualTo(200);

        // Garbage is refused as well; the server keeps serving the second pair.
        Files.writeString(serving.cert(), "not a certificate");
        Files.setLastModifiedTime(serving.cert(), FileTime.fromMillis(System.currentTimeMillis() + 4_000));
        webhook.server.reloader().check().await(10, TimeUnit.SECONDS);
        assertThat(call(second.caBundle(), Set.of("TLSv1.2")).statusCode()).isEqualTo(200);
        assertThat(webhook.server.readiness().isReady()).isTrue();
    }

    @Test
    void thePeriodicCheckPicksUpRotationWithoutBeingAsked() throws Exception {
        SelfSignedCertificates.Generated second = SelfSignedCertificates.ensure(dir.resolve("second"), Instant.now());
        install(second.files(), 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                assertThat(call(second.caBundle(), Set.of("TLSv1.3")).statusCode()).isEqualTo(200);
                break;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(100);
            }
        }
    }

    @Test
    void theServerDoesNotStartWithABrokenPair() throws Exception {
        Files.writeString(serving.key(), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        AdmissionMetrics metrics = new AdmissionMetrics(webhook.registry);
        AdmissionServer broken = new AdmissionServer(vertx, new AdmissionServer.Listen("127.0.0.1", 0, 1, java.time.Duration.ofSeconds(1)),
                r -> r.response().end(), serving, metrics, Clock.systemUTC());
        assertThatThrownBy(() -> broken.start().await(10, TimeUnit.SECONDS)).hasMessageContaining("is not a PEM private key");
    }

    /** Copies a pair over the serving files, the key first (as a careful rotation would), with a fresh timestamp. */
    private void install(CertificateFiles from, int generation) throws Exception {
        Files.copy(from.key(), serving.key(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(from.cert(), serving.cert(), StandardCopyOption.REPLACE_EXISTING);
        FileTime t = FileTime.fromMillis(System.currentTimeMillis() + generation * 1_000L);
        Files.setLastModifiedTime(serving.key(), t);
        Files.setLastModifiedTime(serving.cert(), t);
    }

    /** A new client, so a new connection and a new handshake. */
    private HttpResponse<Buffer> call(Path ca, Set<String> protocols) throws Exception {
        WebClient client = WebClient.create(vertx, new WebClientOptions().setSsl(true).setVerifyHost(true).setKeepAlive(false)
                .setEnabledSecureTransportProtocols(protocols).setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        try {
            return client.post(webhook.server.actualPort(), "localhost", AdmissionRoutes.PATH).sendBuffer(Buffer.buffer(REVIEW))
                    .await(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
