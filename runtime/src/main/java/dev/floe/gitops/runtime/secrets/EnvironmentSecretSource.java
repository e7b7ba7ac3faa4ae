package dev.floe.gitops.runtime.secrets;

import java.util.Map;

/** Secrets from environment variables: {@code sales-webhook-secret} → {@code SALES_WEBHOOK_SECRET}. */
public final class EnvironmentSecretSource implements SecretSource {

    private final Map<String, String> environment;

    /** The environment is handed in by main; nothing below main reads System.getenv. */
    public EnvironmentSecretSource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Lookup lookup(SecretRef ref) {
        String variable = ref.environmentVariable();
        String value = environment.get(variable);
        String where = "environment variable " + variable;
        // An empty variable is what an unset optional secretKeyRef looks like: treat it as absent.
        return value == null || value.isEmpty() ? new Absent(where) : new Found(SecretValue.of(value), where);
    }
}
