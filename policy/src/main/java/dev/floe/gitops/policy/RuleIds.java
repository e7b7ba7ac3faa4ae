package dev.floe.gitops.policy;

import java.util.List;

/** Ids and texts of the structural rules (the token formats live in {@link BuiltinTokenRules}). */
final class RuleIds {

  private RuleIds() {}

  static final String SECRET_NAMED_KEY = "secret-named-key";
  static final String URL_CREDENTIALS = "url-credentials";
  static final String CONNECTION_STRING_PASSWORD = "connection-string-password";
  static final String COMMAND_LINE = "secret-in-command-line";
  static final String AUTHORIZATION_HEADER = "authorization-header";
  static final String DOCKER_CONFIG_AUTH = "docker-config-auth";
  static final String GCP_SERVICE_ACCOUNT = "gcp-service-account-key";
  static final String PLATFORM_LITERAL = "platform-literal-credential";
  static final String SECRET_MANIFEST = "kubernetes-secret-manifest";
  static final String SECRET_DATA_EXPOSED = "kubernetes-secret-data-exposed";

  /** A structural rule's description. */
  record Info(String id, String description, Severity severity, String remediation) {}

  static final List<Info> STRUCTURAL = List.of(
      new Info(SECRET_NAMED_KEY, "A key named like a secret (password, token, api_key, …) holds a literal value", Severity.MEDIUM,
          "Move the value into a Kubernetes Secret and reference it (valueFrom.secretKeyRef, or a secret_ref in platform.yaml); rotate it if it was real."),
      new Info(URL_CREDENTIALS, "A URL carries a password in its user information (scheme://user:pass@host)", Severity.HIGH,
          "Remove the password from the URL and pass it separately from a Secret; rotate it."),
      new Info(CONNECTION_STRING_PASSWORD, "A connection string or URL query carries a password parameter", Severity.HIGH,
          "Build the connection string at run time with the password from a Secret; rotate it."),
      new Info(COMMAND_LINE, "A command line passes a secret (--password=…, --token …, curl -u user:pass, -H Authorization)", Severity.HIGH,
          "Read the secret from an environment variable bound with valueFrom.secretKeyRef (args may use $(VAR)) or from a mounted file; rotate it."),
      new Info(AUTHORIZATION_HEADER, "An HTTP Authorization header carries literal credentials", Severity.HIGH,
          "Do not put credentials in probe or client headers; use an unauthenticated health endpoint or a token from a Secret; rotate it."),
      new Info(DOCKER_CONFIG_AUTH, "A docker config carries registry credentials (auths.*.auth)", Severity.HIGH,
          "Use an imagePullSecret of type kubernetes.io/dockerconfigjson created in the cluster, not committed; rotate the registry password."),
      new Info(GCP_SERVICE_ACCOUNT, "A Google Cloud service-account key file (private_key with client_email)", Severity.CRITICAL,
          "Delete this service-account key in Google Cloud, prefer Workload Identity, or mount the key from a Secret."),
      new Info(PLATFORM_LITERAL, "A platform.yaml credential is a literal instead of a secret_ref", Severity.HIGH,
          "Write the field as {secret_ref: <name>} and create the Secret in the cluster; rotate the value."),
      new Info(SECRET_MANIFEST, "A Kubernetes Secret manifest with data in a file (Secrets belong in the cluster, not in Git)", Severity.HIGH,
          "Remove the Secret from Git: encrypt it with SOPS, use a SealedSecret or an ExternalSecret, and rotate the values."),
      new Info(SECRET_DATA_EXPOSED, "A Kubernetes Secret's data appears inside another object (a ConfigMap, an annotation)", Severity.HIGH,
          "Remove the copy (for last-applied-configuration use server-side apply or kubectl create); rotate the values."));

  static Info info(String id) {
    for (Info i : STRUCTURAL) {
      if (i.id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown structural rule");
  }
}
