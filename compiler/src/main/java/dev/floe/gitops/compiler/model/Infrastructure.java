package dev.floe.gitops.compiler.model;

import java.util.List;
import java.util.Map;

/** platform.yaml {@code infrastructure} (reference §1.10); reference data the compiler passes on. */
public record Infrastructure(String timezone, Network network, Cloud cloud, Lifecycle lifecycle,
                             Map<String, ResourceProfile> resourceProfiles) {

    public record Network(boolean enabled, Dns dns, NetworkPolicies networkPolicies, Ingress ingress, LocalAccess localAccess) {
    }

    public record Dns(String internalDomain, String externalDomain, String strategy) {
    }

    public record NetworkPolicies(boolean enabled, String defaultRule, Map<String, Zone> zones) {
    }

    public record Zone(String description, List<String> allowedEgress, List<String> allowedIngress) {
    }

    public record Ingress(boolean enabled, String ingressClass, Tls tls, Map<String, Route> routes) {
    }

    public record Tls(boolean enabled, String provider, String issuer, String minVersion) {
    }

    public record Route(String host, String service, int port, String auth) {
    }

    public record LocalAccess(boolean enabled, String accessType, Map<String, Integer> ports) {
    }

    public record Cloud(String provider, String region, Aws aws, LocalStack localstack) {
    }

    public record Aws(String accountId, String vpcId, Map<String, List<String>> subnets, Map<String, String> serviceAccountRoles,
                      String kmsKeyArn, CloudWatch cloudwatch) {
    }

    public record CloudWatch(boolean enabled, String logGroup, String metricsNamespace) {
    }

    public record LocalStack(boolean enabled, String endpoint, List<String> services) {
    }

    public record Lifecycle(boolean cleanupEnabled, int jobTtlSeconds, Map<String, Integer> historyLimits,
                            boolean resourceQuotasEnabled, Map<String, Object> namespaceLimits) {
    }

    public record ResourceProfile(Map<String, Object> requests, Map<String, Object> limits, Map<String, String> env) {
    }
}
