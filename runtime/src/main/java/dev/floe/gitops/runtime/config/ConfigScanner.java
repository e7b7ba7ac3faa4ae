package dev.floe.gitops.runtime.config;

import java.util.List;

/**
 * The hook that scans the configuration for inline credentials at start. Services plug in the policy
 * engine here (runtime does not depend on policy); {@link BuiltinConfigScanner} is the default.
 */
@FunctionalInterface
public interface ConfigScanner {

    List<ConfigFinding> scan(ConfigNode tree);

    /** Mask a value the way findings show it: only its length. */
    static String mask(String value) {
        return "*** (" + value.length() + " chars)";
    }
}
