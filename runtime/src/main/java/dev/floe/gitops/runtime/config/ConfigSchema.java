package dev.floe.gitops.runtime.config;

import static dev.floe.gitops.runtime.config.KeySpec.key;

import java.util.List;

/**
 * Every key of floe-gitops.yaml: its type, default and meaning. The binder reads defaults from here, the
 * environment mapping walks it, and docs/configuration.md is checked against it by a test, so a key
 * cannot be added without being documented.
 */
public final class ConfigSchema {

    private ConfigSchema() {}

    public static final List<String> PROVIDERS = List.of("github", "gitlab", "gitea", "bitbucket");
    public static final List<String> PROFILES = List.of("local", "production");

    private static final ValueType TEXT = new ValueType.Text();
    private static final ValueType PATH = new ValueType.FilePath();
    private static final ValueType BOOL = new ValueType.Bool();
    private static final ValueType DURATION = new ValueType.Duration();
    private static final ValueType SECRET = new ValueType.SecretRef();
    private static final ValueType PORT = new ValueType.Int(1, 65535);

    private static ValueType.Section section(KeySpec... keys) { return new ValueType.Section(List.of(keys)); }

    private static ValueType oneOf(String... values) { return new ValueType.OneOf(List.of(values)); }

    public static final ValueType.Section DEPLOY = section(
            key("environment", TEXT, null, "Environment this entry deploys to; must be declared under `environments`."),
            key("branch", TEXT, null, "Source branch that feeds the environment. Exactly one of `branch` and `tag`."),
            key("tag", TEXT, null, "Tag pattern (glob, e.g. `v*`) whose highest semantic version feeds the environment."),
            key("deployBranch", TEXT, "deploy/<environment>", "Branch the rendered tree is committed to. Never also a source branch."),
            key("deployRepository", TEXT, "the repository's url", "Repository (clone URL) holding the deploy branch."));

    public static final ValueType.Section GITHUB_APP = section(
            key("appId", TEXT, null, "The GitHub App's id."),
            key("installationId", TEXT, null, "The App's installation id on the repository's organisation or account."),
            key("privateKey", SECRET, null, "The App's private key (PEM, PKCS#1 or PKCS#8)."),
            key("apiUrl", TEXT, "https://api.github.com", "REST API base URL; GitHub Enterprise Server: `https://HOST/api/v3`."));

    public static final ValueType.Section REPOSITORY = section(
            key("name", TEXT, null, "The provider's full name, e.g. `acme/sales-analytics`."),
            key("provider", new ValueType.OneOf(PROVIDERS), null, "Git host type."),
            key("url", TEXT, null, "Clone URL; only configured URLs are ever fetched."),
            key("webhookSecret", SECRET, null,
                    "Secret that verifies this repository's webhooks. Required outside the `local` profile unless an organisation secret covers it."),
            key("deploy", new ValueType.ListOf(DEPLOY), "[]", "Environments this repository deploys to, one source each."),
            key("fetchToken", SECRET, null,
                    "HTTPS token the worker fetches with (user name per provider: `x-access-token`, `oauth2`, `x-token-auth`); absent: anonymous fetch."),
            key("pushToken", SECRET, "fetchToken",
                    "HTTPS token the worker pushes deploy branches with; may differ from the fetch token so reading needs no write access."),
            key("sshKey", SECRET, null,
                    "SSH private key (OpenSSH or PEM) for an `ssh://` or `git@host:path` url; used for fetch and push."),
            key("sshKnownHosts", SECRET, null,
                    "known_hosts lines accepted for that url's host (`host keytype base64`); required with `sshKey`: no trust on first use."),
            key("githubApp", GITHUB_APP, null,
                    "GitHub App whose installation tokens the worker fetches and pushes with, where no `fetchToken` / `pushToken` is given."));

    public static final ValueType.Section IDENTITY = section(
            key("name", TEXT, "floe-gitops", "Name written into deploy commits."),
            key("email", TEXT, "floe-gitops@localhost", "E-mail written into deploy commits."));

    public static final ValueType.Section WORKER = section(
            key("author", IDENTITY, null, "Author of deploy commits."),
            key("committer", IDENTITY, null, "Committer of deploy commits."),
            key("reconcileInterval", DURATION, "3m", "How often the reconciler lists served heads and re-renders those that moved, and re-reads platform.yaml files."),
            key("pushAttempts", new ValueType.Int(1, 100), "5", "Compare-and-swap attempts per environment and event before the event is retried by the queue."),
            key("signing", section(
                    key("format", oneOf("ssh", "openpgp"), "ssh", "Signature format: `ssh` (SSHSIG, checked by `git verify-commit` with `gpg.format=ssh`) or `openpgp` (checked with gpg)."),
                    key("key", SECRET, null, "The private key: for `ssh` in OpenSSH format (`ssh-keygen -t ed25519`), for `openpgp` the armoured secret key (`gpg --export-secret-keys --armor KEYID`). Its public half goes into the verifiers' allowed signers or keyring and the Git host's signing keys."),
                    key("passphrase", SECRET, null, "Passphrase of an encrypted key; absent: the key is not encrypted.")),
                    null, "Signs every deploy commit; absent: deploy commits are not signed."));

    public static final ValueType.Section ORGANIZATION = section(
            key("name", TEXT, null, "Organisation (GitHub org, GitLab group, Gitea org, Bitbucket workspace)."),
            key("provider", new ValueType.OneOf(PROVIDERS), null, "Git host type."),
            key("webhookSecret", SECRET, null, "Secret of the organisation-level webhook; covers every repository of the organisation."));

    public static final ValueType.Section GATES = section(
            key("requiredStatuses", new ValueType.ListOf(TEXT), "[]",
                    "Commit status contexts (e.g. `ci/image`) that must be `success` on the pushed head before the environment deploys."),
            key("maxWait", DURATION, "30m", "How long a deploy waits for its gates before `floe/deploy-<env>` fails naming the gate."));

    public static final ValueType.Section ENVIRONMENT = section(
            key("platform", PATH, null, "Path of the environment's platform.yaml: on local disk (relative to this file), or inside `platformRepository` when that is set."),
            key("platformRepository", TEXT, null, "Repository (clone URL) holding platform.yaml, read at the head of `platformBranch` and fetched again at most every 10 s; credentials are those of the entry under `repositories` with the same URL (list it with `deploy: []`), else none. Absent: the path is read from local disk."),
            key("platformBranch", TEXT, "main", "Branch of `platformRepository` whose head is the environment's platform."),
            key("preview", oneOf("full", "summary", "none"), "summary for an environment named prod, full elsewhere",
                    "What pull requests show of the rendered files: `full` (counts and the diff), `summary` (counts), `none`."),
            key("gates", GATES, null, "Deploy gates: statuses required on the pushed head before deploying."));

    public static final ValueType.Section REPORTS = section(
            key("signingKey", SECRET, null, "HMAC-SHA256 key (at least 16 bytes) that signs report links; absent: statuses carry no link."),
            key("linkTtl", DURATION, "7d", "How long a report link stays valid."));

    public static final ValueType.Section KAFKA = section(
            key("bootstrapServers", TEXT, null, "Existing Kafka cluster (`host:port,...`). Absent: an embedded single-node broker with its log in `dataDir`."),
            key("produceTimeout", DURATION, "5s",
                    "How long the receiver waits for Kafka to acknowledge an event (acks=all) before answering `503` so the host delivers again."),
            key("topic", section(
                    key("partitions", new ValueType.Int(1, 10_000), "6", "Partitions of `floe-gitops.events` when floe-gitops creates it."),
                    key("replicationFactor", new ValueType.Int(1, 32), "1", "Replication factor of the topics when floe-gitops creates them.")),
                    null, "Topic settings used when creating the topics."),
            key("security", section(
                    key("protocol", oneOf("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"), "PLAINTEXT", "Kafka `security.protocol`."),
                    key("saslMechanism", oneOf("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"), "SCRAM-SHA-512", "SASL mechanism for the SASL protocols."),
                    key("username", SECRET, null, "SASL user name; required with a SASL protocol."),
                    key("password", SECRET, null, "SASL password; required with a SASL protocol."),
                    key("trustedCertificates", SECRET, null, "PEM CA certificates to trust for SSL; absent: the JVM's trust store."),
                    key("clientCertificate", SECRET, null, "PEM client certificate chain for mutual TLS."),
                    key("clientKey", SECRET, null, "PEM private key for mutual TLS (with `clientCertificate`).")),
                    null, "How to connect to an external cluster."));

    public static final ValueType.Section EXEMPTION = section(
            key("namespaces", new ValueType.ListOf(TEXT), "[]", "Namespaces the exemption covers; empty: every namespace."),
            key("names", new ValueType.ListOf(TEXT), "[]", "Object name patterns (glob: `*` any run of characters, `?` one); empty: every name."),
            key("rules", new ValueType.ListOf(TEXT), "[]", "Rule ids that are not enforced for these objects; empty: every rule."),
            key("reason", TEXT, null, "Why the exemption exists and who owns it. Required."));

    public static final ValueType.Section ADMISSION = section(
            key("port", PORT, "8443", "HTTPS port of the admission webhook (`POST /validate`)."),
            key("mode", oneOf("enforce", "warn", "audit"), "enforce",
                    "`enforce` denies objects with findings (403); `warn` allows them with warnings; `audit` allows them and only logs and counts."),
            key("oldObjectFindings", oneOf("warn", "enforce"), "warn",
                    "On UPDATE, what a finding already present in `oldObject` does: `warn` allows with a warning, so a legacy workload can still be scaled."),
            key("failureVerdict", oneOf("allow", "deny"), "deny", "Verdict when a scan exceeds its budget."),
            key("scanBudget", DURATION, "2s", "Time one review's scan may take before `failureVerdict` answers instead."),
            key("maxBodyBytes", new ValueType.Int(1024, 64 << 20), "8388608", "Largest AdmissionReview body accepted; larger ones get 413."),
            key("certFile", PATH, null, "PEM serving certificate (chain), reloaded when it changes. Absent (with `keyFile`): a self-signed CA and certificate are generated in `dataDir`."),
            key("keyFile", PATH, null, "PEM private key of `certFile`, reloaded with it."),
            key("exemptions", new ValueType.ListOf(EXEMPTION), "[]", "Administrator-owned exemptions; an object can never exempt itself."));

    public static final ValueType.Section ROOT = section(
            key("profile", new ValueType.OneOf(PROFILES), "production",
                    "`local` relaxes production checks (webhook secrets, inline credentials become warnings) and logs as text."),
            key("server", section(
                    key("port", PORT, "8080", "Traffic port (webhooks, admission, reports)."),
                    key("maxBodyBytes", new ValueType.Int(1024, Integer.MAX_VALUE), "26214400",
                            "Largest request body accepted (25 MiB, GitHub's own cap); counted while the body streams in, larger ones get `413`.")),
                    null, "Traffic server."),
            key("management", section(
                    key("port", PORT, "8081", "Plain-HTTP management port: `/healthz`, `/readyz`, `/metrics`.")), null, "Management server."),
            key("dataDir", PATH, ".floe-gitops", "Data folder: git mirrors and the embedded Kafka log."),
            key("secretsDir", PATH, "/var/run/secrets/floe", "Folder of mounted secret files, one file per secret reference."),
            key("kafka", KAFKA, "{}", "Event queue."),
            key("publicUrl", TEXT, null, "Base URL under which users reach this service (report links: `<publicUrl>/reports/...`)."),
            key("reports", REPORTS, "{}", "Report pages linked from commit statuses."),
            key("environments", new ValueType.MapOf(ENVIRONMENT), "{}", "Environments by name."),
            key("repositories", new ValueType.ListOf(REPOSITORY), "[]", "Served repositories."),
            key("organizations", new ValueType.ListOf(ORGANIZATION), "[]", "Organisation-level webhook secrets."),
            key("kubernetes", section(
                    key("secrets", BOOL, "false", "Also resolve secret references from Kubernetes Secrets (key `value`) through the API."),
                    key("namespace", TEXT, "the service's own namespace", "Namespace of those Secrets.")), null, "Kubernetes API access."),
            key("shutdown", section(
                    key("gracePeriod", DURATION, "30s", "Time components get to stop after SIGTERM before the process exits anyway.")),
                    null, "Process shutdown."),
            key("worker", WORKER, null, "The render-and-commit worker."),
            key("logging", section(
                    key("format", oneOf("json", "text"), "json (text in profile local)", "Log line format."),
                    key("level", oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), "INFO", "Root log level.")), null, "Logging."),
            key("admission", ADMISSION, "{}", "Admission webhook (`floe-gitops admission`)."),
            key("policy", new ValueType.Opaque(), "{}", "Inline-secret policy settings, handed to the policy module's own parser."));
}
