package dev.floe.gitops.runtime.config;

import java.util.Optional;

/** Empty {@code bootstrapServers}: the service runs its embedded single-node broker. */
public record KafkaConfig(Optional<String> bootstrapServers, KafkaTopicConfig topic, KafkaSecurityConfig security) {

    public boolean embedded() { return bootstrapServers.isEmpty(); }
}
