package dev.floe.gitops.compiler.model;

import java.util.List;
import java.util.Map;

/** floe.yaml {@code orchestration} (reference §2.5). Unions are sealed interfaces chosen by {@code type}. */
public record Orchestration(List<String> assetModules, Dbt dbt, Map<String, Partition> partitions, Map<String, Asset> assets,
                            Map<String, Job> jobs, Map<String, Schedule> schedules, Map<String, Sensor> sensors,
                            Map<String, Backfill> backfills) {

    public record Dbt(String manifestPath, String observabilityLevel, String projectDir, String profilesDir, String target) {
    }

    public sealed interface Partition {
    }

    public record TimeWindow(String start, String cronSchedule, String timezone, String end, String fmt) implements Partition {
    }

    public record StaticPartition(List<String> partitionKeys) implements Partition {
    }

    public record MultiPartition(Map<String, Object> partitions) implements Partition {
    }

    public record DynamicPartition(String fn) implements Partition {
    }

    public record Asset(String partitions, String automationCondition, String backfillPolicy, String computeKind, String groupName) {
    }

    public sealed interface Job {
    }

    public record BatchJob(List<String> selection, String description, Map<String, String> tags) implements Job {
    }

    public record OpsJob(String targetFunction, Object args, String description, Map<String, String> tags) implements Job {
    }

    public record Schedule(String job, String cronSchedule, String timezone, boolean enabled, String partitionSelector,
                           String description) {
    }

    /** Every sensor has a job, a poll interval and a description; the variant adds its own keys. */
    public record Sensor(String type, String job, int pollIntervalSeconds, String description, Map<String, Object> settings) {
    }

    public record Backfill(String job, String rangeStart, String rangeEnd, int batchSize, String description,
                           Map<String, String> tags) {
    }
}
