package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.Yaml;

/** Properties every rendered tree must have, checked on every sample × environment. */
class RenderedTreePropertiesTest {
    private static final Pattern ENV_VAR = Pattern.compile("env_var\\('([A-Z0-9_]+)'\\)");
    private static final Pattern K8S_REF = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");
    private static final Pattern PYICEBERG = Pattern.compile("PYICEBERG_CATALOG__[A-Z0-9_]+");

    @TempDir
    Path temp;

    private static Stream<DynamicTest> each(String what, Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String repo : Fixtures.SAMPLE_REPOS) {
            for (String env : Fixtures.ENVIRONMENTS) {
                tests.add(DynamicTest.dynamicTest(what + ": " + repo + " × " + env, () -> check.run(repo, env)));
            }
        }
        return tests.stream();
    }

    interface Check {
        void run(String repo, String env) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> compilingTwiceGivesByteIdenticalTrees() {
        return each("deterministic", (repo, env) -> {
            RenderedTree a = Fixtures.compileSample(repo, env).tree();
            RenderedTree b = Fixtures.compileSample(repo, env).tree();
            assertThat(a.files().keySet()).isEqualTo(b.files().keySet());
            a.files().forEach((k, v) -> assertThat(b.files().get(k)).as(k).isEqualTo(v));
        });
    }

    @TestFactory
    Stream<DynamicTest> kubectlKustomizeAcceptsEveryRenderedTree() {
        return each("kustomize", (repo, env) -> {
            Path dir = temp.resolve(repo + "-" + env);
            Fixtures.writeTree(Fixtures.compileSample(repo, env).tree(), dir);
            Process p;
            try {
                p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("kubectl must be on PATH for this test (it is not skipped): " + e.getMessage(), e);
            }
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
            assertThat(new String(out, StandardCharsets.UTF_8)).contains("kind: ConfigMap").doesNotContain("namespace:");
        });
    }

    @TestFactory
    Stream<DynamicTest> everyVariableNamedInARenderedFileIsBoundInTheDeployment() {
        return each("env bound", (repo, env) -> {
            RenderedTree tree = Fixtures.compileSample(repo, env).tree();
            String deploymentFile = tree.files().keySet().stream().filter(f -> f.startsWith("manifests/deployment-"))
                    .findFirst().orElse(null);
            if (deploymentFile == null) {
                return;
            }
            Set<String> named = new LinkedHashSet<>();
            tree.files().forEach((file, bytes) -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (Pattern p : List.of(ENV_VAR, K8S_REF)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
                Matcher m = PYICEBERG.matcher(text);
                while (m.find()) {
                    named.add(m.group());
                }
            });
            Set<String> bound = new LinkedHashSet<>();
            List<String> order = new ArrayList<>();
            Object doc = new Yaml().load(new String(tree.files().get(deploymentFile), StandardCharsets.UTF_8));
            for (Object e : envOf(doc)) {
                String name = (String) ((Map<?, ?>) e).get("name");
                bound.add(name);
                order.add(name);
                Object value = ((Map<?, ?>) e).get("value");
                if (value instanceof String s) {
                    Matcher m = K8S_REF.matcher(s);
                    while (m.find()) {
                        assertThat(order.subList(0, order.size() - 1)).as(name + " depends on " + m.group(1)
                                + ", which must be declared before it").contains(m.group(1));
                    }
                }
            }
            assertThat(named).isNotEmpty();
            assertThat(bound).containsAll(named);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object> envOf(Object deployment) {
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) deployment).get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        Map<String, Object> podSpec = (Map<String, Object>) template.get("spec");
        List<Object> containers = (List<Object>) podSpec.get("containers");
        return (List<Object>) ((Map<String, Object>) containers.get(0)).get("env");
    }

    @TestFactory
    Stream<DynamicTest> everyRenderedYamlFileReadsBackWithTheSameTypesInYaml11() {
        return each("YAML 1.1 read-back", (repo, env) -> {
            RenderedTree tree = Fixtures.compileSample(repo, env).tree();
            for (Map.Entry<String, byte[]> f : tree.files().entrySet()) {
                if (!f.getKey().endsWith(".yaml") && !f.getKey().endsWith(".yml")) {
                    continue;
                }
                String text = new String(f.getValue(), StandardCharsets.UTF_8);
                Object yaml11 = new Yaml().load(text);
                Object yaml12 = new Load(LoadSettings.builder().build()).loadFromString(text);
                assertThat(normalise(yaml11)).as(f.getKey()).isEqualTo(normalise(yaml12));
                if (f.getKey().startsWith("manifests/configmap-")) {
                    Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) yaml11).get("data");
                    for (Object embedded : data.values()) {
                        String e = (String) embedded;
                        if (!e.startsWith("{")) {
                            assertThat(normalise(new Yaml().load(e))).isEqualTo(normalise(new Load(LoadSettings.builder().build()).loadFromString(e)));
                        }
                    }
                }
            }
        });
    }

    /** Both loaders agree on types; only the Java number classes differ (Integer vs Long), so compare as text. */
    private static Object normalise(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(RenderedTreePropertiesTest::normalise).toList();
        }
        if (o instanceof Number n) {
            return "number:" + n;
        }
        return o == null ? "null" : o.getClass().getSimpleName() + ":" + o;
    }

    @TestFactory
    Stream<DynamicTest> everyFileEndsWithOneNewlineAndUsesLf() {
        return each("LF", (repo, env) -> Fixtures.compileSample(repo, env).tree().files().forEach((k, v) -> {
            String s = new String(v, StandardCharsets.UTF_8);
            assertThat(s).as(k).doesNotContain("\r").endsWith("\n").doesNotEndWith("\n\n");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyObjectCarriesTheLabelsAndNoNamespace() {
        return each("labels", (repo, env) -> Fixtures.compileSample(repo, env).tree().files().forEach((k, v) -> {
            if (!k.startsWith("manifests/")) {
                return;
            }
            Map<?, ?> obj = new Yaml().load(new String(v, StandardCharsets.UTF_8));
            Map<?, ?> meta = (Map<?, ?>) obj.get("metadata");
            assertThat(meta.containsKey("namespace")).as(k).isFalse();
            Map<?, ?> labels = (Map<?, ?>) meta.get("labels");
            assertThat(labels.get("app.kubernetes.io/managed-by")).isEqualTo("floe-gitops");
            assertThat(labels.get("floe.dev/environment")).isEqualTo(env);
            assertThat(labels.get("app.kubernetes.io/name")).isEqualTo(repo);
            assertThat(Arrays.asList(new String(v, StandardCharsets.UTF_8).split("\n")).get(0))
                    .startsWith("# generated by floe-gitops from ").endsWith("; do not edit");
        }));
    }
}
