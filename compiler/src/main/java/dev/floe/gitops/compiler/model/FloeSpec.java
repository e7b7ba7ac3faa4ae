package dev.floe.gitops.compiler.model;

import java.util.List;
import java.util.Map;

/** A validated floe.yaml in our dialect. */
public record FloeSpec(String name, String version, Profiles profiles, List<Transform> transforms,
                       List<Schedule> schedules, String image, String dagsterModule, Governance governance,
                       Observability observability, Consumption consumption, Orchestration orchestration,
                       String serviceAccount, String principalRole) {

    public record Profiles(String storage, String catalog, String compute) {
    }

    public record Transform(String name, String type, String project, List<String> models) {
    }

    public record Schedule(String name, String cron, String timezone, List<String> transforms) {
    }

    public record Governance(String classificationSource, Map<String, Object> policies, boolean emitLineage) {
    }

    public record Observability(boolean traces, boolean metrics, boolean lineage, Map<String, String> attributes) {
    }
}
