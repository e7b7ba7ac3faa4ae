package dev.floe.gitops.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The editor-facing JSON Schemas (docs/schemas) accept every sample file of the repository and
 * reject every known-broken example: our own under {@code schema-broken/}, and the compiler's
 * cases under {@code broken/<case>/} whose {@code schema.txt} says {@code invalid}.
 */
class JsonSchemaTest {

    /**
     * YAML as an editor's YAML 1.2 language server reads it: 'yes', 'no', 'on', 'off' are strings,
     * so a schema that says boolean rejects them (our dialect: booleans are true/false only).
     */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();

    private static Path root;
    private static JsonSchema floeSchema;
    private static JsonSchema platformSchema;

    @BeforeAll
    static void loadSchemas() {
        root = repositoryRoot();
        floeSchema = FACTORY.getSchema(readJson(root.resolve("docs/schemas/floe.schema.json")), CONFIG);
        platformSchema = FACTORY.getSchema(readJson(root.resolve("docs/schemas/platform.schema.json")), CONFIG);
    }

    // ---- the schemas themselves ----------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> bothSchemasAreValidAgainstTheDraft202012MetaSchema() {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
        return Stream.of("floe.schema.json", "platform.schema.json").map(name -> DynamicTest.dynamicTest(name, () -> {
            JsonNode schema = readJson(root.resolve("docs/schemas").resolve(name));
            assertThat(describe(meta.validate(schema))).as(name).isEmpty();
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }));
    }

    // ---- sample files validate -----------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everySamplePlatformFileValidates() {
        List<Path> files = filesNamed(root.resolve("platform"), "platform.yaml", 2);
        assertThat(files.stream().map(p -> p.getParent().getFileName().toString()))
                .as("the four environments")
                .contains("local", "dev", "staging", "prod");
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(),
                () -> assertThat(describe(platformSchema.validate(readYaml(file)))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everySampleFloeFileValidates() {
        List<Path> files = filesNamed(root.resolve("test-repos"), "floe.yaml", 2);
        assertThat(files).as("sample pipeline repositories under test-repos/").isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(),
                () -> assertThat(describe(floeSchema.validate(readYaml(file)))).isEmpty()));
    }

    // ---- broken examples are rejected ----------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyBrokenPlatformExampleIsRejected() {
        return rejectsEachFileIn(brokenResources().resolve("platform"), platformSchema);
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFloeExampleIsRejected() {
        return rejectsEachFileIn(brokenResources().resolve("floe"), floeSchema);
    }

    /**
     * The compiler's error cases: a folder {@code broken/<case>/} with {@code schema.txt} saying
     * "invalid" holds a floe.yaml and/or platform.yaml (at any depth) that the schemas must reject
     * as well. No such folder yet is fine.
     */
    @TestFactory
    Stream<DynamicTest> everyCompilerCaseMarkedSchemaInvalidIsRejected() throws IOException {
        Path broken = root.resolve("compiler/src/test/resources/broken");
        if (!Files.isDirectory(broken)) {
            return Stream.empty();
        }
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(broken)) {
            cases = dirs.filter(Files::isDirectory)
                    .filter(dir -> markedSchemaInvalid(dir.resolve("schema.txt")))
                    .sorted()
                    .collect(Collectors.toList());
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            List<Path> floeFiles = filesNamed(dir, "floe.yaml", Integer.MAX_VALUE);
            List<Path> platformFiles = filesNamed(dir, "platform.yaml", Integer.MAX_VALUE);
            assertFalse(floeFiles.isEmpty() && platformFiles.isEmpty(),
                    dir + " is marked schema-invalid but holds no floe.yaml or platform.yaml");
            boolean rejected = floeFiles.stream().anyMatch(f -> !floeSchema.validate(readYaml(f)).isEmpty())
                    || platformFiles.stream().anyMatch(f -> !platformSchema.validate(readYaml(f)).isEmpty());
            assertTrue(rejected, dir + " is marked schema-invalid, but every file in it validates");
        }));
    }

    // ---- named behaviours, written inline so the intent reads in one place ---------------------

    @Test
    void rejectsUnknownKeyInPlatformFile() {
        assertThat(platformErrors("storage:\n  default:\n    bucket: iceberg-data\n    buckets: other\n"))
                .singleElement().asString().contains("buckets");
    }

    @Test
    void rejectsLiteralClientSecretInPlatformFile() {
        assertThat(platformErrors("catalogs:\n  default:\n    uri: http://polaris:8181/api/catalog\n"
                + "    warehouse: warehouse\n    credentials:\n      mode: oauth2\n"
                + "      client_id: {secret_ref: polaris-client-id}\n      client_secret: not-a-reference\n"))
                .singleElement().asString().contains("client_secret");
    }

    @Test
    void acceptsClientSecretAsSecretReference() {
        assertThat(platformErrors("catalogs:\n  default:\n    uri: http://polaris:8181/api/catalog\n"
                + "    warehouse: warehouse\n    credentials:\n      mode: oauth2\n"
                + "      client_id: {secret_ref: polaris-client-id}\n"
                + "      client_secret: {secret_ref: polaris-client-secret}\n")).isEmpty();
    }

    @Test
    void rejectsYesWhereABooleanBelongs() {
        assertThat(platformErrors("storage:\n  default:\n    bucket: iceberg-data\n    path_style_access: yes\n"))
                .singleElement().asString().contains("path_style_access");
    }

    @Test
    void rejectsBucketMissingFromStorageProfile() {
        assertThat(platformErrors("storage:\n  default:\n    type: s3\n"))
                .singleElement().asString().contains("bucket");
    }

    @Test
    void rejectsInfrastructureKeyInFloeFile() {
        assertThat(floeErrors("name: p\nversion: \"1.0.0\"\nprofiles:\n  storage: default\n  endpoint: http://x\n"))
                .singleElement().asString().contains("endpoint");
    }

    @Test
    void rejectsOutOfRangeCronMinute() {
        String base = "name: p\nversion: \"1.0.0\"\nschedules:\n  - name: s\n    transforms: [t]\n    cron: ";
        assertThat(floeErrors(base + "\"0 6 * * *\"\n")).isEmpty();
        assertThat(floeErrors(base + "\"61 * * * *\"\n")).singleElement().asString().contains("cron");
    }

    @Test
    void rejectsVersionThatIsNotSemver() {
        assertThat(floeErrors("name: p\nversion: \"1.0\"\n")).singleElement().asString().contains("version");
        assertThat(platformErrors("version: \"1.2\"\n")).singleElement().asString().contains("version");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Stream<DynamicTest> rejectsEachFileIn(Path dir, JsonSchema schema) {
        List<Path> files = yamlFilesIn(dir);
        assertThat(files).as("broken examples in " + dir).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertThat(schema.validate(readYaml(file)))
                        .as(file + " should be rejected by the schema").isNotEmpty()));
    }

    private static List<String> platformErrors(String yaml) {
        return describe(platformSchema.validate(parseYaml(yaml)));
    }

    private static List<String> floeErrors(String yaml) {
        return describe(floeSchema.validate(parseYaml(yaml)));
    }

    private static List<String> describe(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    private static boolean markedSchemaInvalid(Path schemaTxt) {
        if (!Files.isRegularFile(schemaTxt)) {
            return false;
        }
        try {
            return Files.readString(schemaTxt, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("invalid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path brokenResources() {
        return root.resolve("compiler/src/test/resources/schema-broken");
    }

    /** Files called {@code name} under {@code dir}, at most {@code depth} levels down (platform/<env>/platform.yaml is 2). */
    private static List<Path> filesNamed(Path dir, String name, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().equals(name))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> yamlFilesIn(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The repository root: surefire sets floe.repo.root; otherwise walk up to the folder holding docs/schemas. */
    private static Path repositoryRoot() {
        String configured = System.getProperty("floe.repo.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Paths.get(configured, "docs/schemas"))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/schemas"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found: set -Dfloe.repo.root");
    }
}
