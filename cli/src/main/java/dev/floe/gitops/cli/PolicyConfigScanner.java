package dev.floe.gitops.cli;

import java.util.ArrayList;
import java.util.List;

import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.policy.ScanContext;
import dev.floe.gitops.runtime.config.ConfigFinding;
import dev.floe.gitops.runtime.config.ConfigNode;
import dev.floe.gitops.runtime.config.ConfigPath;
import dev.floe.gitops.runtime.config.ConfigScanner;

/**
 * The policy engine as the configuration's {@link ConfigScanner} for every server command (runtime cannot depend on
 * policy, and admission and webhook share nothing but the cores): the configuration is held to the same rules as
 * everything else, in FILE mode.
 */
public final class PolicyConfigScanner implements ConfigScanner {

    private final PolicyEngine engine;

    public PolicyConfigScanner(PolicyEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<ConfigFinding> scan(ConfigNode tree) {
        List<ConfigFinding> out = new ArrayList<>();
        for (Finding f : engine.scanTree(tree.toPlain(), ScanContext.files()).findings()) {
            ConfigPath path;
            try {
                path = ConfigPath.parse(f.path());
            } catch (RuntimeException e) {
                path = ConfigPath.ROOT;
            }
            out.add(new ConfigFinding(f.ruleId(), f.path(), f.masked(), tree.originOf(path)));
        }
        return out;
    }
}
