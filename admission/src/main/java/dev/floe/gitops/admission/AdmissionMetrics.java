package dev.floe.gitops.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dev.floe.gitops.policy.Finding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The webhook's meters. Labels carry only the operation, the kind, the decision and rule ids: never a
 * name, namespace or value from the object. A kind that does not look like a Kubernetes kind is counted
 * as {@code other}, so a hostile client cannot grow the label set with arbitrary text.
 */
public final class AdmissionMetrics {

    public static final String REVIEWS = "floe_admission_reviews";
    public static final String LATENCY = "floe_admission_review_duration";
    public static final String FINDINGS = "floe_admission_findings";
    public static final String CERT_EXPIRY = "floe_admission_certificate_expiry_seconds";

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");
    private static final Set<String> OPERATIONS = Set.of("CREATE", "UPDATE", "DELETE", "CONNECT");

    /** Distinct kinds get their own label up to this many; a flood of invented kinds cannot grow the registry. */
    static final int MAX_KINDS = 200;

    private final MeterRegistry registry;
    private final Set<String> kinds = ConcurrentHashMap.newKeySet();
    private final Timer latency;
    private final AtomicReference<Instant> certificateNotAfter = new AtomicReference<>(Instant.EPOCH);

    public AdmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder(LATENCY)
                .description("Time from the request's arrival to the response, by the server's clock")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Gauge.builder(CERT_EXPIRY, certificateNotAfter, ref -> ref.get().getEpochSecond())
                .description("Expiry (notAfter, Unix seconds) of the serving certificate in use")
                .register(registry);
    }

    /** {@code decision}: allow | warn | deny | audit | bad_request | too_large | error. */
    public void review(String operation, String kind, String decision, long nanos) {
        Counter.builder(REVIEWS).description("AdmissionReviews answered, by operation, kind and decision")
                .tag("operation", OPERATIONS.contains(operation) ? operation : "unknown")
                .tag("kind", kindLabel(kind))
                .tag("decision", decision)
                .register(registry).increment();
        latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    String kindLabel(String kind) {
        if (kind.isEmpty()) return "unknown";
        if (!KIND.matcher(kind).matches()) return "other";
        if (kinds.contains(kind)) return kind;
        if (kinds.size() >= MAX_KINDS) return "other";
        kinds.add(kind);
        return kind;
    }

    public void findings(Iterable<Finding> findings) {
        for (Finding f : findings) {
            Counter.builder(FINDINGS).description("Inline-secret findings in admitted or denied objects, by rule")
                    .tag("rule", f.ruleId()).register(registry).increment();
        }
    }

    public void certificate(Instant notAfter) {
        certificateNotAfter.set(notAfter);
    }
}
