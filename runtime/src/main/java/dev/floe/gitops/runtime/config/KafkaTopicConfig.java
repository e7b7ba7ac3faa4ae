package dev.floe.gitops.runtime.config;

public record KafkaTopicConfig(int partitions, int replicationFactor) {}
