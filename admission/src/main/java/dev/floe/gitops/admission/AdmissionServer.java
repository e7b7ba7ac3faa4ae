package dev.floe.gitops.admission;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.floe.gitops.admission.tls.CertificateFiles;
import dev.floe.gitops.admission.tls.CertificateReloader;
import dev.floe.gitops.admission.tls.PairLoadResult;
import dev.floe.gitops.admission.tls.ServingPair;
import dev.floe.gitops.runtime.lifecycle.Component;
import dev.floe.gitops.runtime.management.Readiness;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;

/**
 * The HTTPS listener of the webhook: TLS 1.2 and 1.3 only, one server per event loop on the same port
 * (Vert.x spreads connections across them), certificate files reloaded by {@link CertificateReloader}.
 */
public final class AdmissionServer implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionServer.class);
    static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");
    /** Longer than the API server's longest webhook timeout (30 s), so kept-alive connections from it stay usable. */
    static final int IDLE_TIMEOUT_SECONDS = 60;

    /** {@code instances} servers share {@code port}; port 0 picks a free port (tests) and serves from one event loop. */
    public record Listen(String host, int port, int instances, Duration reloadInterval) {
        public static Listen of(int port) {
            return new Listen("0.0.0.0", port, Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(2));
        }
    }

    private final Vertx vertx;
    private final Listen listen;
    private final Handler<HttpServerRequest> handler;
    private final CertificateReloader reloader;
    private final AdmissionMetrics metrics;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> deployments = new CopyOnWriteArrayList<>();
    private volatile boolean listening;

    public AdmissionServer(Vertx vertx, Listen listen, Handler<HttpServerRequest> handler, CertificateFiles files, AdmissionMetrics metrics, Clock clock) {
        this.vertx = vertx;
        this.listen = listen;
        this.handler = handler;
        this.metrics = metrics;
        this.reloader = new CertificateReloader(vertx, files, listen.reloadInterval(), clock, this::install);
    }

    @Override
    public String name() { return "admission"; }

    @Override
    public Future<Void> start() {
        return vertx.executeBlocking(reloader::loadInitial).compose(result -> {
            if (result instanceof PairLoadResult.Broken broken) {
                return Future.failedFuture(new IllegalStateException("cannot serve TLS: " + broken.reason()));
            }
            ServingPair pair = ((PairLoadResult.Loaded) result).pair();
            metrics.certificate(pair.notAfter());
            HttpServerOptions options = new HttpServerOptions().setSsl(true).setKeyCertOptions(keyCert(pair))
                    .setEnabledSecureTransportProtocols(PROTOCOLS)
                    .setCompressionSupported(false) // reviews are small and sent once; compression only costs CPU
                    // A client that stops sending mid-body is dropped: the API server gives up after timeoutSeconds anyway.
                    .setIdleTimeout(IDLE_TIMEOUT_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS);
            // One verticle per event loop: servers on one port created from different event loops share the
            // connections between them. The first instance binds (port 0 picks one); the others join its port.
            // Port 0 (tests) cannot be shared by joining the picked port afterwards: Vert.x refuses the bind, so one loop.
            int instances = listen.port() == 0 ? 1 : listen.instances();
            return deploy(options, listen.port(), 1).compose(first -> instances <= 1
                    ? Future.succeededFuture(first)
                    : deploy(options, actualPort(), instances - 1)).<Void>map(s -> {
                listening = true;
                reloader.start();
                LOG.info("admission webhook listening on https://{}:{}/validate ({} event loops, certificate {})", listen.host(), actualPort(),
                        servers.size(), pair);
                return null;
            });
        });
    }

    private Future<String> deploy(HttpServerOptions options, int port, int instances) {
        return vertx.deployVerticle(() -> new Listener(options, port), new DeploymentOptions().setInstances(instances))
                .onSuccess(deployments::add);
    }

    /** One HTTPS server on its own event loop. */
    private final class Listener extends VerticleBase {
        private final HttpServerOptions options;
        private final int port;

        Listener(HttpServerOptions options, int port) {
            this.options = options;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(handler).listen(port, listen.host()).onSuccess(servers::add);
        }
    }

    @Override
    public Future<Void> stop() {
        listening = false;
        reloader.stop();
        List<Future<Void>> undeploying = deployments.stream().map(vertx::undeploy).toList();
        return Future.all(undeploying).mapEmpty();
    }

    public int actualPort() {
        if (servers.isEmpty()) throw new IllegalStateException("admission server is not started");
        return servers.get(0).actualPort();
    }

    /** Ready once it listens with a certificate (the policy is loaded before the server is built). */
    public Readiness readiness() {
        if (!listening) return Readiness.notReady("admission server not listening");
        return reloader.current() == null ? Readiness.notReady("no serving certificate loaded") : Readiness.READY;
    }

    public CertificateReloader reloader() { return reloader; }

    private Future<?> install(ServingPair pair) {
        ServerSSLOptions ssl = new ServerSSLOptions().setKeyCertOptions(keyCert(pair)).setEnabledSecureTransportProtocols(PROTOCOLS);
        return Future.all(servers.stream().map(s -> s.updateSSLOptions(ssl)).toList()).onSuccess(v -> metrics.certificate(pair.notAfter()));
    }

    private static PemKeyCertOptions keyCert(ServingPair pair) {
        return new PemKeyCertOptions().setCertValue(pair.certPem()).setKeyValue(pair.keyPem());
    }
}
