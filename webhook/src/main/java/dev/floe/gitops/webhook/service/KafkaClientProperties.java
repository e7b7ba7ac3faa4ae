package dev.floe.gitops.webhook.service;

import dev.floe.gitops.runtime.config.KafkaSecurityConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code kafka.security} → Kafka client properties (SASL, TLS with PEM material), secrets resolved
 * now. The result holds secrets: it goes into {@code QueueSettings.clientProperties}, which is never
 * logged.
 */
final class KafkaClientProperties {

  private KafkaClientProperties() {}

  static Map<String, String> from(KafkaSecurityConfig security,
      Function<SecretRef, SecretValue> secrets) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("security.protocol", security.protocol());
    if (security.usesSasl()) {
      props.put("sasl.mechanism", security.saslMechanism());
      String module = security.saslMechanism().equals("PLAIN")
          ? "org.apache.kafka.common.security.plain.PlainLoginModule"
          : "org.apache.kafka.common.security.scram.ScramLoginModule";
      props.put("sasl.jaas.config", module + " required username=\""
          + jaasQuote(require(security.username(), "username", secrets)) + "\" password=\""
          + jaasQuote(require(security.password(), "password", secrets)) + "\";");
    }
    security.trustedCertificates().ifPresent(ref -> {
      props.put("ssl.truststore.type", "PEM");
      props.put("ssl.truststore.certificates", secrets.apply(ref).expose());
    });
    if (security.clientCertificate().isPresent() && security.clientKey().isPresent()) {
      props.put("ssl.keystore.type", "PEM");
      props.put("ssl.keystore.certificate.chain",
          secrets.apply(security.clientCertificate().get()).expose());
      props.put("ssl.keystore.key", secrets.apply(security.clientKey().get()).expose());
    }
    return props;
  }

  private static String require(Optional<SecretRef> ref, String key,
      Function<SecretRef, SecretValue> secrets) {
    return secrets.apply(ref.orElseThrow(() -> new IllegalStateException(
        "kafka.security." + key + " is required with a SASL protocol"))).expose();
  }

  /** JAAS quoted strings escape backslash and double quote. */
  static String jaasQuote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
