package dev.floe.gitops.runtime.config;

import java.util.Optional;

/** Empty {@code bootstrapServers}: the service runs its embedded single-node broker. */
/** {@code produceTimeout}: the bound on waiting for an acknowledgement before the receiver answers 503. */
public record KafkaConfig(Optional<String> bootstrapServers, java.time.Duration produceTimeout, KafkaTopicConfig topic, KafkaSecurityConfig security) {

    public boolean embedded() { return bootstrapServers.isEmpty(); }
}
