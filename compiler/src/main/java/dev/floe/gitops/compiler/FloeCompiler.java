package dev.floe.gitops.compiler;

import dev.floe.gitops.compiler.model.FloeBinder;
import dev.floe.gitops.compiler.model.FloeSpec;
import dev.floe.gitops.compiler.model.PlatformBinder;
import dev.floe.gitops.compiler.model.PlatformSpec;
import dev.floe.gitops.compiler.render.TreeRenderer;
import dev.floe.gitops.compiler.resolve.CompiledArtifacts;
import dev.floe.gitops.compiler.resolve.PlatformResolver;
import dev.floe.gitops.compiler.resolve.ProjectFacts;
import dev.floe.gitops.compiler.resolve.ProjectScanner;
import dev.floe.gitops.compiler.scan.InlineSecretScan;
import dev.floe.gitops.compiler.validate.Checker;
import dev.floe.gitops.compiler.validate.FloeRules;
import dev.floe.gitops.compiler.validate.FloeSchema;
import dev.floe.gitops.compiler.validate.PlatformRules;
import dev.floe.gitops.compiler.validate.PlatformSchema;
import dev.floe.gitops.compiler.validate.Problems;
import dev.floe.gitops.compiler.validate.TwoTierRule;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YamlLoad;
import dev.floe.gitops.compiler.yaml.YamlLoader;
import dev.floe.gitops.compiler.yaml.YamlProblem;
import dev.floe.gitops.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * floe.yaml + platform.yaml + the repository's files → {@link CompiledArtifacts} → a deterministic file tree.
 * Pure: it reads only through the {@link SourceTree} and the bytes it is given. The steps are named below:
 * read → scan inputs → parse → validate → check against the source tree → bind → resolve → render → scan the tree.
 */
public final class FloeCompiler {
    /** The environment becomes a label value and the dbt target. */
    private static final java.util.regex.Pattern ENVIRONMENT = java.util.regex.Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");

    private final CompilerLimits limits;
    private final YamlLoader loader;
    private final InlineSecretScan secrets;

    /** A compiler with the default inline-secret policy. */
    public FloeCompiler(CompilerLimits limits) {
        this(limits, PolicyEngine.defaults());
    }

    /** A compiler whose inline-secret step uses the given policy (disabled rules, allowlists from configuration). */
    public FloeCompiler(CompilerLimits limits, PolicyEngine policy) {
        this.limits = limits;
        this.loader = new YamlLoader(limits.maxDocumentBytes(), limits.maxDepth(), limits.maxAliases(), limits.maxNodes());
        this.secrets = new InlineSecretScan(policy);
    }

    public CompileResult compile(CompileRequest request) {
        Problems problems = new Problems();
        String floeFile = request.floeYamlPath() == null ? "floe.yaml" : request.floeYamlPath();
        String platformFile = request.platformFileName() == null ? "platform.yaml" : request.platformFileName();
        Problems.FileProblems floe = problems.in(floeFile);
        Problems.FileProblems platform = problems.in(platformFile);

        if (request.environment() == null || !ENVIRONMENT.matcher(request.environment()).matches()) {
            platform.at(1, 1, "", "environment name '" + request.environment() + "' must be a Kubernetes label value: lower case "
                    + "letters, digits and '-', starting and ending with a letter or digit, at most 63 characters", null);
        }
        byte[] floeBytes = read(request.source(), floeFile, floe).orElse(null);
        YNode floeRoot = floeBytes == null ? null : parse(floeBytes, floeFile, floe);
        byte[] platformBytes = request.platformYaml();
        YNode platformRoot = null;
        if (platformBytes == null) {
            platform.at(1, 1, "", "no platform.yaml given for environment '" + request.environment() + "'", null);
        } else {
            platformRoot = parse(platformBytes, platformFile, platform);
        }

        // Scanned as text before their meaning is parsed, so a credential is reported even in a file that does not parse.
        List<CompileError> inputFindings = new ArrayList<>();
        if (floeBytes != null && floeBytes.length <= limits.maxDocumentBytes()) {
            inputFindings.addAll(secrets.scan(floeFile, floeBytes));
        }
        if (platformBytes != null && platformBytes.length <= limits.maxDocumentBytes()) {
            inputFindings.addAll(secrets.scan(platformFile, platformBytes));
        }

        if (floeRoot != null) {
            TwoTierRule.check(floeRoot, "", floe);
            FloeSchema.root().check(floeRoot, "", new Checker(floe, FloeSchema.INFRASTRUCTURE_KEYS));
            FloeRules.check(floeRoot, floe);
        }
        if (platformRoot != null) {
            PlatformSchema.root().check(platformRoot, "", new Checker(platform, Set.of()));
            PlatformRules.check(platformRoot, platform);
        }
        InlineSecretScan.notAlreadyReported(inputFindings, problems.sorted()).forEach(problems::add);
        ProjectFacts facts = null;
        if (floeRoot != null && problems.isEmpty()) {
            facts = new ProjectScanner(request.source(), limits, floeFile).scan(floeRoot, problems, floe);
        }
        if (!problems.isEmpty() || facts == null || platformRoot == null) {
            return new CompileResult.Failed(problems.sorted());
        }

        FloeSpec floeSpec = FloeBinder.bind(floeRoot);
        PlatformSpec platformSpec = PlatformBinder.bind(platformRoot);
        Optional<CompiledArtifacts> artifacts = new PlatformResolver().resolve(new PlatformResolver.Input(floeSpec, floeRoot, floe,
                platformSpec, platformRoot, platform, facts, request.environment(), request.sourceInfo(), floeBytes, platformBytes));
        if (artifacts.isEmpty() || !problems.isEmpty()) {
            return new CompileResult.Failed(problems.sorted());
        }
        TreeRenderer.Outcome outcome = new TreeRenderer(limits).render(artifacts.get());
        if (outcome instanceof TreeRenderer.Outcome.Failed f) {
            f.errors().forEach(problems::add);
            return new CompileResult.Failed(problems.sorted());
        }
        RenderedTree tree = ((TreeRenderer.Outcome.Rendered) outcome).tree();
        List<CompileError> rendered = secrets.scanTree(tree.files());
        if (!rendered.isEmpty()) {
            rendered.forEach(problems::add);
            return new CompileResult.Failed(problems.sorted());
        }
        return new CompileResult.Compiled(artifacts.get(), tree);
    }

    private static Optional<byte[]> read(SourceTree source, String file, Problems.FileProblems out) {
        try {
            Optional<byte[]> bytes = source.read(file);
            if (bytes.isEmpty()) {
                out.at(1, 1, "", file + " not found in " + source.describe(), "add floe.yaml at the repository root");
            }
            return bytes;
        } catch (SourceException e) {
            out.at(1, 1, "", e.getMessage(), null);
            return Optional.empty();
        }
    }

    private YNode parse(byte[] bytes, String file, Problems.FileProblems out) {
        YamlLoad load = loader.load(bytes, file);
        if (load instanceof YamlLoad.Loaded l) {
            return l.root();
        }
        for (YamlProblem p : ((YamlLoad.Rejected) load).problems()) {
            out.at(p.line(), p.column(), p.path(), p.message(), p.hint());
        }
        return null;
    }
}
