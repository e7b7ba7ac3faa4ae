package dev.floe.gitops.compiler.resolve;

import dev.floe.gitops.compiler.SourceInfo;
import dev.floe.gitops.compiler.model.CatalogProfile;
import dev.floe.gitops.compiler.model.ComputeProfile;
import dev.floe.gitops.compiler.model.FloeSpec;
import dev.floe.gitops.compiler.model.LayerConfig;
import dev.floe.gitops.compiler.model.SecretBackends;
import dev.floe.gitops.compiler.model.StorageProfile;
import java.util.List;
import java.util.Map;

/**
 * floe.yaml resolved against one environment's platform.yaml (FORMATS.md "CompiledArtifacts"). Secret references
 * stay references; {@link RuntimeBinding} says how each reaches the running process.
 */
public record CompiledArtifacts(Metadata metadata, String pipeline, String version, List<ResolvedTransform> transforms,
                                List<FloeSpec.Schedule> schedules, String image, String dagsterModule,
                                StorageProfile storage, CatalogProfile catalog, ComputeProfile compute,
                                Map<String, LayerConfig> layers, Observability observability,
                                FloeSpec.Governance governance, Map<String, Object> platformGovernance, Dbt dbt,
                                List<SecretUse> secrets, RuntimeBinding runtime, SecretBackends secretBackends,
                                Map<String, Object> consumption, Map<String, Object> orchestration,
                                String serviceAccount, String principalRole) {
    public static final String FORMAT = "floe-gitops/v1";

    public record Metadata(String generatorVersion, String environment, SourceInfo source, String sourceHash,
                           String platformDigest) {
    }

    public record ResolvedTransform(String name, String type, String project, List<String> models, List<String> modelFiles) {
    }

    /** Platform endpoints merged with the pipeline's attributes. */
    public record Observability(boolean traces, boolean metrics, boolean lineage, String otlpEndpoint,
                                String lineageEndpoint, Map<String, String> attributes, Map<String, Object> tracing,
                                Map<String, Object> metricsConfig, Map<String, Object> logging,
                                Map<String, Object> computeLogs) {
    }

    /** One dbt project and the profile its dbt_project.yml names. */
    public record DbtProject(String projectPath, String profileName) {
    }

    public record Dbt(String projectPath, String profilesDir, String profileName, String target, List<DbtProject> projects) {
    }

    /** A secret reference, the Kubernetes Secret it lives in, its keys and the variables they become. */
    public record SecretUse(String ref, String kubernetesSecret, List<String> keys, List<String> variables, List<String> usedBy) {
    }

    public record EnvFromSecret(String name, String secret, String key) {
    }

    public record DependentEnv(String name, String value) {
    }

    public record FileMount(String secret, String key, String mountPath) {
    }

    /** Everything the workload needs to bind: variables from Secrets, dependent variables, mounted files, IRSA role. */
    public record RuntimeBinding(List<EnvFromSecret> secretEnv, List<DependentEnv> dependentEnv, List<FileMount> mounts,
                                 String roleArn) {
    }
}
