package dev.floe.gitops.runtime.config;

import java.util.Optional;

import dev.floe.gitops.runtime.secrets.SecretRef;

/** Connection security for an external cluster; credentials are references, resolved at run time. */
public record KafkaSecurityConfig(
        String protocol,
        String saslMechanism,
        Optional<SecretRef> username,
        Optional<SecretRef> password,
        Optional<SecretRef> trustedCertificates,
        Optional<SecretRef> clientCertificate,
        Optional<SecretRef> clientKey) {

    public boolean usesSasl() { return protocol.startsWith("SASL_"); }
}
