package dev.floe.gitops.runtime.config;

/**
 * One environment a repository deploys to, fed by exactly one source. Defaults are already applied:
 * {@code deployBranch} is {@code deploy/<environment>}, {@code deployRepository} the source's URL.
 */
public record DeployTarget(String environment, Source source, String deployBranch, String deployRepository) {

    public sealed interface Source permits Branch, TagPattern {}
    public record Branch(String name) implements Source {}
    public record TagPattern(String pattern) implements Source {}
}
