package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules that span several keys. Runs on a bound config; the tree gives each error its location. */
final class ConfigValidator {

    private ConfigValidator() {}

    static List<ConfigError> validate(GitopsConfig config, ConfigNode tree) {
        List<ConfigError> errors = new ArrayList<>();
        ConfigPath repositories = ConfigPath.ROOT.key("repositories");

        if (config.server().port() == config.management().port()) {
            ConfigPath p = ConfigPath.ROOT.key("management").key("port");
            errors.add(ConfigError.of(p, "must differ from server.port (the management port is a separate listener)", tree.originOf(p)));
        }

        if (config.admission().port() == config.management().port()) {
            ConfigPath p = ConfigPath.ROOT.key("admission").key("port");
            errors.add(ConfigError.of(p, "must differ from management.port (the management port is a separate listener)", tree.originOf(p)));
        }

        // Every (repository URL, branch) that feeds an environment; a deploy branch may not be one of them.
        Set<String> sources = new HashSet<>();
        for (RepositoryConfig r : config.repositories()) {
            for (DeployTarget d : r.deploy()) {
                if (d.source() instanceof DeployTarget.Branch b) sources.add(r.url() + " " + b.name());
            }
        }

        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.repositories().size(); i++) {
            RepositoryConfig r = config.repositories().get(i);
            ConfigPath rp = repositories.index(i);
            if (!r.name().isEmpty() && !names.add(r.provider() + " " + r.name())) {
                errors.add(ConfigError.of(rp.key("name"), "repository '" + r.name() + "' is configured twice", tree.originOf(rp.key("name"))));
            }
            Map<String, Integer> fedEnvironments = new HashMap<>();
            for (int j = 0; j < r.deploy().size(); j++) {
                DeployTarget d = r.deploy().get(j);
                ConfigPath dp = rp.key("deploy").index(j);
                if (!d.environment().isEmpty() && !config.environments().containsKey(d.environment())) {
                    errors.add(new ConfigError(dp.key("environment").toString(), "environment '" + d.environment() + "' is not declared under 'environments'",
                            List.copyOf(config.environments().keySet()), DidYouMean.nearest(d.environment(), config.environments().keySet()),
                            tree.originOf(dp.key("environment"))));
                }
                Integer earlier = fedEnvironments.put(d.environment(), j);
                if (earlier != null && !d.environment().isEmpty()) {
                    errors.add(ConfigError.of(dp.key("environment"), "environment '" + d.environment() + "' already has a source in "
                            + rp.key("deploy").index(earlier) + " (one source per environment)", tree.originOf(dp.key("environment"))));
                }
                if (sources.contains(d.deployRepository() + " " + d.deployBranch())) {
                    ConfigPath at = tree.find(dp.key("deployBranch")).isPresent() ? dp.key("deployBranch") : dp;
                    errors.add(ConfigError.of(at, "deploy branch '" + d.deployBranch() + "' is also a source branch; a deploy branch is never a source",
                            tree.originOf(at)));
                }
            }
            if (!config.profile().isLocal() && r.webhookSecret().isEmpty() && organizationSecret(config, r).isEmpty()) {
                errors.add(ConfigError.of(rp.key("webhookSecret"), "is required outside the 'local' profile (or an organisation secret for '"
                        + r.owner() + "' under 'organizations')", tree.originOf(rp)));
            }
        }

        KafkaSecurityConfig security = config.kafka().security();
        if (security.usesSasl()) {
            ConfigPath sp = ConfigPath.ROOT.key("kafka").key("security");
            if (security.username().isEmpty()) errors.add(ConfigError.of(sp.key("username"), "is required with protocol " + security.protocol(), tree.originOf(sp)));
            if (security.password().isEmpty()) errors.add(ConfigError.of(sp.key("password"), "is required with protocol " + security.protocol(), tree.originOf(sp)));
        }
        if (security.clientCertificate().isPresent() != security.clientKey().isPresent()) {
            ConfigPath sp = ConfigPath.ROOT.key("kafka").key("security");
            errors.add(ConfigError.of(sp, "clientCertificate and clientKey go together", tree.originOf(sp)));
        }
        return errors;
    }

    /** The organisation entry whose webhook secret covers a repository: same provider, owner equal to its name. */
    static Optional<OrganizationConfig> organizationSecret(GitopsConfig config, RepositoryConfig repository) {
        return config.organizations().stream()
                .filter(o -> o.provider() == repository.provider() && o.name().equals(repository.owner()) && o.webhookSecret() != null)
                .findFirst();
    }
}
