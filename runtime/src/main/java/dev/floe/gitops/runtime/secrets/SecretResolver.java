package dev.floe.gitops.runtime.secrets;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one resolver every module uses: asks its sources in order (environment, mounted files, then the
 * Kubernetes API when configured, per SPEC §9) and returns the first value found. It logs which source
 * answered, never the value.
 */
public final class SecretResolver {

    private static final Logger LOG = LoggerFactory.getLogger(SecretResolver.class);

    /** Either the value and where it came from, or every place that was looked at. */
    public sealed interface Resolution permits Resolved, Missing {}
    public record Resolved(SecretValue value, String where) implements Resolution {}
    public record Missing(SecretRef ref, List<String> lookedAt) implements Resolution {
        public Missing { lookedAt = List.copyOf(lookedAt); }
    }

    private final List<SecretSource> sources;

    public SecretResolver(List<SecretSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public Resolution lookup(SecretRef ref) {
        List<String> lookedAt = new ArrayList<>();
        for (SecretSource source : sources) {
            SecretSource.Lookup lookup = source.lookup(ref);
            if (lookup instanceof SecretSource.Found found) {
                LOG.debug("secret '{}' resolved from {}", ref.name(), found.where());
                return new Resolved(found.value(), found.where());
            }
            if (lookup instanceof SecretSource.Failed failed) {
                LOG.warn("secret '{}': {} failed: {}", ref.name(), failed.where(), failed.reason());
                lookedAt.add(failed.where() + " (" + failed.reason() + ")");
            } else {
                lookedAt.add(((SecretSource.Absent) lookup).where());
            }
        }
        return new Missing(ref, lookedAt);
    }

    /** The value, or {@link SecretNotFoundException} naming where it looked. */
    public SecretValue require(SecretRef ref) {
        Resolution resolution = lookup(ref);
        if (resolution instanceof Resolved resolved) return resolved.value();
        Missing missing = (Missing) resolution;
        throw new SecretNotFoundException(ref, missing.lookedAt());
    }
}
