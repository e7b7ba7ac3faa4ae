package dev.floe.gitops.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.floe.gitops.runtime.logging.LogFormat;
import dev.floe.gitops.runtime.secrets.SecretRef;

/**
 * Binds the configuration tree to {@link GitopsConfig} by hand, following {@link ConfigSchema}. It keeps
 * going after a problem so that every error is reported at once; cross-field rules live in
 * {@link ConfigValidator}.
 */
final class ConfigBinder {

    record Bound(GitopsConfig config, List<ConfigError> errors) {}

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** A value of a fixed-choice key that is shown in its error: lower-case letters, at most 20. */
    private static final Pattern ENUM_LIKE_WORD = Pattern.compile("[a-z]{1,20}");

    private final Path configDir;
    private final Path workingDir;
    private final List<ConfigError> errors = new ArrayList<>();

    /** {@code configDir}: the config file's folder (the working directory when there is no file). */
    ConfigBinder(Path configDir, Path workingDir) {
        this.configDir = configDir;
        this.workingDir = workingDir;
    }

    Bound bind(ConfigNode root) {
        Fields f = new Fields(root, ConfigSchema.ROOT, ConfigPath.ROOT);
        Profile profile = Profile.valueOf(f.oneOf("profile").toUpperCase(Locale.ROOT));
        Fields server = f.section("server");
        Fields management = f.section("management");
        Fields kubernetes = f.section("kubernetes");
        Fields shutdown = f.section("shutdown");
        Fields logging = f.section("logging");
        LogFormat format = logging.optionalOneOf("format")
                .map(v -> LogFormat.valueOf(v.toUpperCase(Locale.ROOT)))
                .orElse(profile.isLocal() ? LogFormat.TEXT : LogFormat.JSON);
        GitopsConfig config = new GitopsConfig(
                profile,
                new ServerConfig(server.integer("port"), server.integer("maxBodyBytes")),
                new ManagementConfig(management.integer("port")),
                f.path("dataDir"),
                f.path("secretsDir"),
                kafka(f.section("kafka")),
                environments(f),
                repositories(f),
                organizations(f),
                new KubernetesConfig(kubernetes.bool("secrets"), kubernetes.optionalText("namespace")),
                new ShutdownConfig(shutdown.duration("gracePeriod")),
                new LoggingConfig(format, logging.oneOf("level")),
                admission(f.section("admission")),
                f.opaque("policy"),
                worker(f.section("worker")),
                f.optionalText("publicUrl"),
                reports(f.section("reports")));
        return new Bound(config, List.copyOf(errors));
    }

    private AdmissionConfig admission(Fields a) {
        Optional<Path> cert = a.optionalPath("certFile");
        Optional<Path> key = a.optionalPath("keyFile");
        if (cert.isPresent() != key.isPresent()) {
            errors.add(ConfigError.of(a.path, "'certFile' and 'keyFile' go together: give both, or neither for a generated self-signed pair", a.map.origin()));
        }
        Duration budget = a.duration("scanBudget");
        if (budget.isZero() || budget.isNegative()) budget = AdmissionConfig.DEFAULT_SCAN_BUDGET; // an error was recorded, or 0 makes no sense
        List<AdmissionExemption> exemptions = new ArrayList<>();
        List<ConfigNode> items = a.items("exemptions");
        for (int i = 0; i < items.size(); i++) {
            Fields e = new Fields(items.get(i), ConfigSchema.EXEMPTION, a.path.key("exemptions").index(i));
            exemptions.add(new AdmissionExemption(e.texts("namespaces"), e.texts("names"), e.texts("rules"), e.requiredText("reason")));
        }
        return new AdmissionConfig(a.integer("port"),
                AdmissionConfig.Mode.valueOf(a.oneOf("mode").toUpperCase(Locale.ROOT)),
                AdmissionConfig.OldObjectFindings.valueOf(a.oneOf("oldObjectFindings").toUpperCase(Locale.ROOT)),
                AdmissionConfig.FailureVerdict.valueOf(a.oneOf("failureVerdict").toUpperCase(Locale.ROOT)),
                budget, a.integer("maxBodyBytes"), cert, key, exemptions);
    }

    private ReportsConfig reports(Fields r) {
        return new ReportsConfig(r.secret("signingKey"), positive(r, "linkTtl", ReportsConfig.DEFAULT_LINK_TTL));
    }

    private WorkerConfig worker(Fields w) {
        Fields author = w.section("author");
        Fields committer = w.section("committer");
        return new WorkerConfig(
                new GitIdentity(author.textOrDefault("name"), author.textOrDefault("email")),
                new GitIdentity(committer.textOrDefault("name"), committer.textOrDefault("email")),
                w.duration("reconcileInterval"),
                w.integer("pushAttempts"),
                signing(w));
    }

    private Optional<SigningConfig> signing(Fields worker) {
        if (worker.raw("signing").isEmpty()) return Optional.empty();
        Fields s = worker.section("signing");
        Optional<SecretRef> key = s.secret("key");
        if (key.isEmpty()) {
            s.missing("key");
            return Optional.empty();
        }
        return Optional.of(new SigningConfig(s.oneOf("format"), key.get(), s.secret("passphrase")));
    }

    private KafkaConfig kafka(Fields k) {
        Fields topic = k.section("topic");
        Fields s = k.section("security");
        return new KafkaConfig(
                k.optionalText("bootstrapServers"),
                positive(k, "produceTimeout"),
                new KafkaTopicConfig(topic.integer("partitions"), topic.integer("replicationFactor")),
                new KafkaSecurityConfig(s.oneOf("protocol"), s.oneOf("saslMechanism"), s.secret("username"), s.secret("password"),
                        s.secret("trustedCertificates"), s.secret("clientCertificate"), s.secret("clientKey")));
    }

    /** A zero timeout would fail every publish at once: refuse it here rather than at the first webhook. */
    private Duration positive(Fields section, String key) {
        return positive(section, key, Duration.ofSeconds(5));
    }

    private Duration positive(Fields section, String key, Duration fallback) {
        int before = errors.size();
        Duration value = section.duration(key);
        if (errors.size() > before) return fallback; // already reported as not a duration
        if (value.isZero() || value.isNegative()) {
            errors.add(ConfigError.of(section.path.key(key), "must be a positive duration", section.map.origin()));
            return fallback;
        }
        return value;
    }

    private Map<String, EnvironmentConfig> environments(Fields root) {
        Map<String, EnvironmentConfig> out = new LinkedHashMap<>();
        root.entries("environments").forEach((name, node) -> {
            ConfigPath path = ConfigPath.ROOT.key("environments").key(name);
            if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                errors.add(ConfigError.of(path, "environment names use lower-case letters, digits and '-' (they become branch names)", root.map.originOf(path)));
            }
            Fields e = new Fields(node, ConfigSchema.ENVIRONMENT, path);
            Optional<String> repository = e.optionalText("platformRepository");
            Path platform = repository.isPresent() ? pathInRepository(e, "platform") : e.requiredPath("platform");
            Optional<GatesConfig> gates = e.raw("gates").isPresent() ? Optional.of(gates(e.section("gates"))) : Optional.empty();
            out.put(name, new EnvironmentConfig(name, platform, repository, e.optionalOneOf("preview"), gates,
                    e.textOrDefault("platformBranch")));
        });
        return out;
    }

    /** A path inside a repository: relative, without '..', never resolved against this file's folder. */
    private Path pathInRepository(Fields e, String key) {
        String text = e.requiredText(key).trim().replace('\\', '/');
        while (text.startsWith("./")) text = text.substring(2);
        boolean escapes = text.startsWith("/") || java.util.Arrays.asList(text.split("/")).contains("..");
        if (text.isEmpty() || escapes) {
            errors.add(ConfigError.of(e.path.key(key), "with platformRepository set, must be a path inside that repository"
                    + " (relative, without '..'), such as platform/" + e.path.lastKey() + "/platform.yaml", e.map.origin()));
            return Path.of("platform.yaml");
        }
        return Path.of(text);
    }

    private GatesConfig gates(Fields g) {
        return new GatesConfig(g.texts("requiredStatuses"), positive(g, "maxWait", Duration.ofMinutes(30)));
    }

    private List<RepositoryConfig> repositories(Fields root) {
        List<RepositoryConfig> out = new ArrayList<>();
        List<ConfigNode> items = root.items("repositories");
        for (int i = 0; i < items.size(); i++) {
            ConfigPath path = ConfigPath.ROOT.key("repositories").index(i);
            Fields r = new Fields(items.get(i), ConfigSchema.REPOSITORY, path);
            String url = r.requiredText("url");
            List<DeployTarget> deploy = new ArrayList<>();
            List<ConfigNode> targets = r.items("deploy");
            for (int j = 0; j < targets.size(); j++) {
                deploy.add(deployTarget(new Fields(targets.get(j), ConfigSchema.DEPLOY, path.key("deploy").index(j)), url));
            }
            out.add(new RepositoryConfig(r.requiredText("name"), provider(r), url, r.secret("webhookSecret"), deploy,
                    r.secret("fetchToken"), r.secret("pushToken"), githubApp(r),
                    r.secret("sshKey"), r.secret("sshKnownHosts")));
        }
        return out;
    }

    private Optional<GitHubAppConfig> githubApp(Fields repository) {
        if (repository.raw("githubApp").isEmpty()) return Optional.empty();
        Fields app = repository.section("githubApp");
        Optional<SecretRef> key = app.secret("privateKey");
        if (key.isEmpty()) {
            app.missing("privateKey");
            return Optional.empty();
        }
        return Optional.of(new GitHubAppConfig(app.requiredText("appId"), app.requiredText("installationId"), key.get(),
                app.textOrDefault("apiUrl")));
    }

    private DeployTarget deployTarget(Fields d, String repositoryUrl) {
        String environment = d.requiredText("environment");
        Optional<String> branch = d.optionalText("branch");
        Optional<String> tag = d.optionalText("tag");
        DeployTarget.Source source;
        if (branch.isPresent() == tag.isPresent()) {
            errors.add(ConfigError.of(d.path, "exactly one of 'branch' and 'tag' is required", d.map.origin()));
            source = new DeployTarget.Branch(branch.orElse(""));
        } else {
            source = branch.<DeployTarget.Source>map(DeployTarget.Branch::new).orElseGet(() -> new DeployTarget.TagPattern(tag.get()));
        }
        return new DeployTarget(environment, source,
                d.optionalText("deployBranch").orElse("deploy/" + environment),
                d.optionalText("deployRepository").orElse(repositoryUrl));
    }

    private List<OrganizationConfig> organizations(Fields root) {
        List<OrganizationConfig> out = new ArrayList<>();
        List<ConfigNode> items = root.items("organizations");
        for (int i = 0; i < items.size(); i++) {
            Fields o = new Fields(items.get(i), ConfigSchema.ORGANIZATION, ConfigPath.ROOT.key("organizations").index(i));
            Optional<SecretRef> secret = o.secret("webhookSecret");
            if (secret.isEmpty() && o.raw("webhookSecret").isEmpty()) o.missing("webhookSecret");
            out.add(new OrganizationConfig(o.requiredText("name"), provider(o), secret.orElse(null)));
        }
        return out;
    }

    private GitProvider provider(Fields f) {
        String value = f.oneOf("provider");
        return value == null ? GitProvider.GITHUB : GitProvider.valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** One mapping being bound: typed accessors that record errors and fall back to defaults. */
    private final class Fields {
        final ConfigNode.Mapping map;
        final ValueType.Section spec;
        final ConfigPath path;

        Fields(ConfigNode node, ValueType.Section spec, ConfigPath path) {
            this.spec = spec;
            this.path = path;
            if (node instanceof ConfigNode.Mapping m) {
                this.map = m;
            } else {
                this.map = ConfigNode.Mapping.empty(node == null ? Origin.DEFAULT : node.origin());
                if (node != null && !isNull(node)) errors.add(ConfigError.of(path, "must be a mapping", node.origin()));
            }
            for (String key : map.entries().keySet()) {
                if (spec.key(key).isEmpty()) {
                    errors.add(new ConfigError(path.key(key).toString(), "unknown key", List.of(),
                            DidYouMean.nearest(key, spec.names()), map.keyOrigin(key)));
                }
            }
        }

        private KeySpec spec(String key) {
            return spec.key(key).orElseThrow(() -> new IllegalStateException("binder asks for undeclared key " + path.key(key)));
        }

        Optional<ConfigNode> raw(String key) {
            spec(key);
            return map.get(key).filter(n -> !isNull(n));
        }

        void missing(String key) {
            errors.add(ConfigError.of(path.key(key), "is required", map.origin()));
        }

        /** The scalar text, or the schema default, or empty; a non-scalar is an error. */
        Optional<Scalarish> scalar(String key) {
            Optional<ConfigNode> node = raw(key);
            if (node.isEmpty()) {
                String def = spec(key).defaultValue();
                return def == null ? Optional.empty() : Optional.of(new Scalarish(def, Origin.DEFAULT));
            }
            if (node.get() instanceof ConfigNode.Scalar s) return Optional.of(new Scalarish(s.value(), s.origin()));
            errors.add(ConfigError.of(path.key(key), "must be a " + spec(key).type().describe() + ", not a "
                    + (node.get() instanceof ConfigNode.Mapping ? "mapping" : "list"), node.get().origin()));
            return Optional.empty();
        }

        Optional<String> optionalText(String key) {
            return raw(key).isEmpty() ? Optional.empty() : scalar(key).map(Scalarish::text).filter(t -> !t.isBlank());
        }

        String requiredText(String key) {
            Optional<String> value = optionalText(key);
            if (value.isEmpty() && raw(key).filter(n -> !(n instanceof ConfigNode.Scalar)).isEmpty()) missing(key);
            return value.orElse("");
        }

        /** The value, or the schema's default when the key is absent or blank. */
        String textOrDefault(String key) {
            return optionalText(key).orElse(spec(key).defaultValue());
        }

        int integer(String key) {
            ValueType.Int type = (ValueType.Int) spec(key).type();
            Optional<Scalarish> s = scalar(key);
            if (s.isEmpty()) return type.min();
            try {
                int value = Integer.parseInt(s.get().text().trim());
                if (value >= type.min() && value <= type.max()) return value;
            } catch (NumberFormatException ignored) {
                // reported below with the allowed range
            }
            errors.add(ConfigError.of(path.key(key), "must be a whole number from " + type.min() + " to " + type.max(), s.get().origin()));
            return type.min();
        }

        boolean bool(String key) {
            Optional<Scalarish> s = scalar(key);
            if (s.isEmpty()) return false;
            String v = s.get().text().trim().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
            errors.add(new ConfigError(path.key(key).toString(), "must be a boolean", List.of("true", "false"), Optional.empty(), s.get().origin()));
            return false;
        }

        Duration duration(String key) {
            Optional<Scalarish> s = scalar(key);
            if (s.isEmpty()) return Duration.ZERO;
            String v = s.get().text().trim();
            Matcher m = DURATION.matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms": return Duration.ofMillis(n);
                    case "s": return Duration.ofSeconds(n);
                    case "m": return Duration.ofMinutes(n);
                    case "d": return Duration.ofDays(n);
                    default: return Duration.ofHours(n);
                }
            }
            try {
                return Duration.parse(v); // ISO-8601 (PT30S) for people who prefer it
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new ConfigError(path.key(key).toString(), "must be a duration", List.of("500ms", "30s", "5m", "1h", "PT30S"),
                        Optional.empty(), s.get().origin()));
                return Duration.ZERO;
            }
        }

        /** The value if it is one of the allowed values (exact case), else an error with a hint. */
        String oneOf(String key) {
            return optionalOneOf(key).orElseGet(() -> {
                String def = spec(key).defaultValue();
                if (raw(key).isEmpty() && def == null) missing(key);
                List<String> allowed = ((ValueType.OneOf) spec(key).type()).values();
                return def != null && allowed.contains(def) ? def : (allowed.isEmpty() ? null : allowed.get(0));
            });
        }

        Optional<String> optionalOneOf(String key) {
            if (raw(key).isEmpty()) {
                String def = spec(key).defaultValue();
                List<String> allowed = ((ValueType.OneOf) spec(key).type()).values();
                return def != null && allowed.contains(def) ? Optional.of(def) : Optional.empty();
            }
            Optional<Scalarish> s = scalar(key);
            if (s.isEmpty()) return Optional.empty();
            List<String> allowed = ((ValueType.OneOf) spec(key).type()).values();
            String v = s.get().text().trim();
            if (allowed.contains(v)) return Optional.of(v);
            // Only a value that is clearly not a secret is echoed: a typo of an allowed word, or a short
            // lower-case word. A token pasted into the wrong key is described, never shown (ConfigError).
            Optional<String> nearest = DidYouMean.nearest(v, allowed);
            String shown = nearest.isPresent() || ENUM_LIKE_WORD.matcher(v).matches()
                    ? "'" + v + "'" : "of " + v.length() + " characters (not shown: it may be a credential)";
            errors.add(new ConfigError(path.key(key).toString(), "unknown value " + shown, allowed,
                    nearest, s.get().origin()));
            return Optional.empty();
        }

        Path path(String key) {
            Optional<Scalarish> s = scalar(key);
            return s.map(this::resolve).orElse(configDir);
        }

        Optional<Path> optionalPath(String key) {
            return raw(key).isEmpty() ? Optional.empty() : Optional.of(path(key));
        }

        /** A list of non-blank strings; anything else in it is an error. */
        List<String> texts(String key) {
            List<String> out = new ArrayList<>();
            List<ConfigNode> nodes = items(key);
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof ConfigNode.Scalar s && !s.isNull() && !s.value().isBlank()) {
                    out.add(s.value().trim());
                } else {
                    errors.add(ConfigError.of(path.key(key).index(i), "must be a non-empty string", nodes.get(i).origin()));
                }
            }
            return out;
        }

        Path requiredPath(String key) {
            if (raw(key).isEmpty()) missing(key);
            return path(key);
        }

        private Path resolve(Scalarish s) {
            Path base = s.origin() instanceof Origin.Environment || s.origin() instanceof Origin.Flag ? workingDir : configDir;
            try {
                return base.resolve(s.text().trim()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                errors.add(ConfigError.of(path, "is not a valid path", s.origin()));
                return base;
            }
        }

        Optional<SecretRef> secret(String key) {
            Optional<ConfigNode> node = raw(key);
            if (node.isEmpty()) return Optional.empty();
            ConfigPath at = path.key(key);
            if (!(node.get() instanceof ConfigNode.Mapping m)) {
                // Never echo the value: a literal here is most likely the secret itself.
                errors.add(ConfigError.of(at, "must be a secret reference {secret_ref: name}, not a literal value", node.get().origin()));
                return Optional.empty();
            }
            for (String k : m.entries().keySet()) {
                if (!k.equals("secret_ref")) {
                    errors.add(new ConfigError(at.key(k).toString(), "unknown key", List.of(), DidYouMean.nearest(k, List.of("secret_ref")), m.keyOrigin(k)));
                }
            }
            ConfigNode name = m.entries().get("secret_ref");
            if (!(name instanceof ConfigNode.Scalar s) || s.isNull() || s.value().isBlank()) {
                errors.add(ConfigError.of(at.key("secret_ref"), "is required (the name of the secret)", m.origin()));
                return Optional.empty();
            }
            if (!SecretRef.isValidName(s.value())) {
                errors.add(ConfigError.of(at.key("secret_ref"),
                        "must be a secret name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit", s.origin()));
                return Optional.empty();
            }
            return Optional.of(new SecretRef(s.value()));
        }

        Fields section(String key) {
            return new Fields(raw(key).orElse(null), (ValueType.Section) spec(key).type(), path.key(key));
        }

        List<ConfigNode> items(String key) {
            Optional<ConfigNode> node = raw(key);
            if (node.isEmpty()) return List.of();
            if (node.get() instanceof ConfigNode.Sequence s) return s.items();
            errors.add(ConfigError.of(path.key(key), "must be a list", node.get().origin()));
            return List.of();
        }

        Map<String, ConfigNode> entries(String key) {
            Optional<ConfigNode> node = raw(key);
            if (node.isEmpty()) return Map.of();
            if (node.get() instanceof ConfigNode.Mapping m) return m.entries();
            errors.add(ConfigError.of(path.key(key), "must be a mapping", node.get().origin()));
            return Map.of();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> opaque(String key) {
            Optional<ConfigNode> node = raw(key);
            if (node.isEmpty()) return Map.of();
            if (node.get() instanceof ConfigNode.Mapping m) return (Map<String, Object>) m.toPlain();
            errors.add(ConfigError.of(path.key(key), "must be a mapping", node.get().origin()));
            return Map.of();
        }
    }

    private record Scalarish(String text, Origin origin) {}

    private static boolean isNull(ConfigNode node) {
        return node instanceof ConfigNode.Scalar s && s.isNull();
    }
}
