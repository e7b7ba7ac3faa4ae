package dev.floe.gitops.admission;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.floe.gitops.admission.tls.CertificateFiles;
import dev.floe.gitops.admission.tls.SelfSignedCertificates;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** A real webhook over HTTPS on a free port, with a generated CA the client trusts. Close it after use. */
final class TestWebhook implements AutoCloseable {

    final Vertx vertx;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AdmissionServer server;
    final WebClient client;
    final Path caBundle;
    final CertificateFiles files;

    TestWebhook(Vertx vertx, Path dataDir, AdmissionConfig config) throws Exception {
        this(vertx, dataDir, config, null);
    }

    /** {@code files} null: a generated self-signed pair in {@code dataDir}. */
    TestWebhook(Vertx vertx, Path dataDir, AdmissionConfig config, CertificateFiles files) throws Exception {
        this.vertx = vertx;
        SelfSignedCertificates.Generated generated = SelfSignedCertificates.ensure(dataDir, Clock.systemUTC().instant());
        this.caBundle = generated.caBundle();
        this.files = files == null ? generated.files() : files;
        AdmissionMetrics metrics = new AdmissionMetrics(registry);
        server = new AdmissionServer(vertx, new AdmissionServer.Listen("127.0.0.1", 0, 1, Duration.ofMillis(100)),
                AdmissionRoutes.router(vertx, config, PolicyEngine.defaults(), metrics), this.files, metrics, Clock.systemUTC());
        server.start().await(20, TimeUnit.SECONDS);
        client = WebClient.create(vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(caBundle.toString())), new PoolOptions().setHttp1MaxSize(100));
    }

    HttpResponse<Buffer> post(byte[] body) throws Exception {
        return client.post(server.actualPort(), "localhost", AdmissionRoutes.PATH)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.stop().await(20, TimeUnit.SECONDS);
    }
}
