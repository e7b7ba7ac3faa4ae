package dev.floe.gitops.admission.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Watches the certificate and key files (cert-manager rewrites them in place; the kubelet swaps a
 * symlinked folder) and installs a new pair when their modification time, size or file key changes.
 * A pair that does not check out is logged and the previous one stays in use; existing connections keep
 * their session, new connections get the new pair.
 */
public final class CertificateReloader {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final Vertx vertx;
    private final CertificateFiles files;
    private final Duration interval;
    private final Clock clock;
    private final Function<ServingPair, Future<?>> install;
    private final AtomicReference<ServingPair> current = new AtomicReference<>();
    private volatile List<Object> lastStamp = List.of();
    private volatile long timer = -1;
    private volatile boolean checking;

    /** {@code install}: puts a checked pair into the servers; the pair counts as current once it succeeded. */
    public CertificateReloader(Vertx vertx, CertificateFiles files, Duration interval, Clock clock, Function<ServingPair, Future<?>> install) {
        this.vertx = vertx;
        this.files = files;
        this.interval = interval;
        this.clock = clock;
        this.install = install;
    }

    /** Reads the files now (blocking): the start-up pair. */
    public PairLoadResult loadInitial() {
        lastStamp = stamp();
        PairLoadResult result = PemPairReader.read(files, clock.instant());
        if (result instanceof PairLoadResult.Loaded loaded) current.set(loaded.pair());
        return result;
    }

    public void start() {
        timer = vertx.setPeriodic(interval.toMillis(), id -> check());
    }

    public void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    public ServingPair current() { return current.get(); }

    /** One look at the files, off the event loop. Public for tests that do not want to wait for the timer. */
    public Future<Void> check() {
        if (checking) return Future.succeededFuture();
        checking = true;
        return vertx.executeBlocking(() -> {
            List<Object> stamp = stamp();
            if (stamp.equals(lastStamp)) return null;
            lastStamp = stamp;
            return PemPairReader.read(files, clock.instant());
        }).compose(result -> {
            if (result == null) return Future.<Void>succeededFuture();
            if (result instanceof PairLoadResult.Broken broken) {
                LOG.warn("new certificate files are not usable ({}); still serving the previous certificate", broken.reason());
                return Future.<Void>succeededFuture();
            }
            ServingPair pair = ((PairLoadResult.Loaded) result).pair();
            return install.apply(pair).<Void>map(v -> {
                current.set(pair);
                LOG.info("serving certificate reloaded: {}", pair);
                return null;
            }).recover(e -> {
                LOG.warn("the servers refused the new certificate ({}); still serving the previous one", e.getClass().getSimpleName());
                return Future.succeededFuture();
            });
        }).onComplete(ar -> checking = false);
    }

    private List<Object> stamp() {
        return List.of(stampOf(files.cert()), stampOf(files.key()));
    }

    private static Object stampOf(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class); // follows symlinks: sees the kubelet's swap
            return List.of(a.lastModifiedTime().toMillis(), a.size(), Objects.toString(a.fileKey()));
        } catch (IOException e) {
            return "missing";
        }
    }
}
