package dev.floe.gitops.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.floe.gitops.compiler.CompileError;
import dev.floe.gitops.compiler.CompileRequest;
import dev.floe.gitops.compiler.CompileResult;
import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.FloeCompiler;
import dev.floe.gitops.compiler.SourceException;
import dev.floe.gitops.compiler.SourceInfo;
import dev.floe.gitops.compiler.SourceTree;
import dev.floe.gitops.compiler.validate.FloeSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The editor's JSON Schemas and the compiler agree on what floe.yaml and platform.yaml may hold: documents under
 * {@code schema-valid/} that use every optional section compile and validate; every compiler case under
 * {@code broken/<case>/} whose {@code schema.txt} says {@code invalid} is rejected by both.
 */
class JsonSchemaCompilerAgreementTest {

    /**
     * Read as an editor's YAML 1.2 language server does (see JsonSchemaTest); also {@code key:} without a value is
     * null there, as it is for the compiler ("not set").
     */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();
    private static final SourceInfo SOURCE = new SourceInfo("https://git.example.com/acme/schema-valid.git",
            "0123456789abcdef0123456789abcdef01234567", "refs/heads/main");

    /** The dbt project that the valid floe.yaml documents name ({@code analytics_dbt}). */
    private static final Map<String, String> DBT_PROJECT = Map.of(
            "analytics_dbt/dbt_project.yml", "name: analytics_dbt\nversion: \"1.0.0\"\nconfig-version: 2\nprofile: analytics_dbt\n",
            "analytics_dbt/models/bronze/brz_orders.sql", "select 1 as id\n",
            "analytics_dbt/models/silver/slv_orders.sql", "select id from {{ ref('brz_orders') }}\n");
    /** The floe.yaml the valid platform.yaml documents compile with: no transforms, default profiles. */
    private static final String MINIMAL_FLOE = "name: minimal\nversion: \"1.0.0\"\n";

    private static Path root;
    private static JsonSchema floeSchema;
    private static JsonSchema platformSchema;

    @BeforeAll
    static void loadSchemas() {
        root = repositoryRoot();
        floeSchema = FACTORY.getSchema(readJson(root.resolve("docs/schemas/floe.schema.json")), CONFIG);
        platformSchema = FACTORY.getSchema(readJson(root.resolve("docs/schemas/platform.schema.json")), CONFIG);
    }

    // ---- valid documents: both accept ------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyValidFloeDocumentCompilesAndValidatesAgainstTheSchema() {
        List<Path> files = yamlFilesIn(validResources().resolve("floe"));
        assertThat(files).as("valid floe.yaml documents").hasSizeGreaterThanOrEqualTo(2);
        byte[] platform = read(root.resolve("platform/local/platform.yaml"));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            assertThat(compilerErrors(floeTree(read(file)), platform)).as("compiler errors for " + file).isEmpty();
            assertThat(schemaErrors(floeSchema, read(file))).as("schema errors for " + file).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidPlatformDocumentCompilesAndValidatesAgainstTheSchema() {
        List<Path> files = yamlFilesIn(validResources().resolve("platform"));
        assertThat(files).as("valid platform.yaml documents").hasSizeGreaterThanOrEqualTo(2);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            assertThat(compilerErrors(floeOnly(MINIMAL_FLOE.getBytes(StandardCharsets.UTF_8)), read(file)))
                    .as("compiler errors for " + file).isEmpty();
            assertThat(schemaErrors(platformSchema, read(file))).as("schema errors for " + file).isEmpty();
        }));
    }

    /** Keeps the schema's optional sections from silently going untested: each top-level key appears in a valid document. */
    @Test
    void validDocumentsUseEveryTopLevelKeyOfBothSchemas() {
        for (String kind : List.of("floe", "platform")) {
            Set<String> schemaKeys = fieldNames(readJson(root.resolve("docs/schemas/" + kind + ".schema.json")).path("properties"));
            Set<String> used = yamlFilesIn(validResources().resolve(kind)).stream()
                    .flatMap(f -> fieldNames(readYaml(read(f))).stream())
                    .collect(Collectors.toSet());
            assertThat(used).as("top-level keys used by schema-valid/" + kind + "/*.yaml").containsAll(schemaKeys);
        }
    }

    // ---- invalid documents: both reject ----------------------------------------------------------

    /**
     * A compiler case marked schema-invalid fails to compile (with the repository's valid files standing in for the
     * one it does not break) and at least one of its files fails the schema.
     */
    @TestFactory
    Stream<DynamicTest> everyCompilerCaseMarkedSchemaInvalidIsRejectedByBoth() throws IOException {
        Path broken = root.resolve("compiler/src/test/resources/broken");
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(broken)) {
            cases = dirs.filter(Files::isDirectory).filter(d -> markedSchemaInvalid(d.resolve("schema.txt"))).sorted().toList();
        }
        assertThat(cases).as("compiler cases marked schema-invalid").isNotEmpty();
        Path minimal = root.resolve("compiler/src/test/resources/fixtures/minimal");
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Path floeFile = dir.resolve("floe.yaml");
            Path platformFile = dir.resolve("platform.yaml");
            assertThat(Files.exists(floeFile) || Files.exists(platformFile)).as(dir + " holds floe.yaml or platform.yaml").isTrue();
            Map<String, byte[]> files = filesUnder(dir);
            files.putIfAbsent("floe.yaml", read(minimal.resolve("floe.yaml")));
            byte[] platform = Files.exists(platformFile) ? read(platformFile) : read(minimal.resolve("platform.yaml"));
            assertThat(compilerErrors(new MemoryTree(files), platform)).as("compiler errors for " + dir).isNotEmpty();

            boolean schemaRejects = (Files.exists(floeFile) && !schemaErrors(floeSchema, read(floeFile)).isEmpty())
                    || (Files.exists(platformFile) && !schemaErrors(platformSchema, read(platformFile)).isEmpty());
            assertThat(schemaRejects).as(dir + " is marked schema-invalid, but the schema accepts its files").isTrue();
        }));
    }

    /** The schema's list of infrastructure keys is the compiler's: each is rejected even inside a free-form map. */
    @TestFactory
    Stream<DynamicTest> everyInfrastructureKeyIsRejectedByBothInsideFreeFormFloeMaps() {
        byte[] platform = read(root.resolve("platform/local/platform.yaml"));
        return FloeSchema.INFRASTRUCTURE_KEYS.stream().sorted().map(key -> DynamicTest.dynamicTest(key, () -> {
            byte[] floe = ("name: p\nversion: \"1.0.0\"\ngovernance:\n  policies:\n    masking:\n      " + key + ": x\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(compilerErrors(floeOnly(floe), platform)).as("compiler errors").isNotEmpty();
            assertThat(schemaErrors(floeSchema, floe)).as("schema errors").isNotEmpty();
        }));
    }

    @Test
    void cronMonthAndWeekdayNamesAreRejectedByBoth() {
        byte[] platform = read(root.resolve("platform/local/platform.yaml"));
        for (String cron : List.of("0 6 * JAN *", "0 6 * * MON-FRI")) {
            byte[] floe = ("name: p\nversion: \"1.0.0\"\ntransforms:\n  - name: t\n    project: analytics_dbt\n"
                    + "schedules:\n  - name: s\n    cron: \"" + cron + "\"\n    transforms: [t]\n").getBytes(StandardCharsets.UTF_8);
            assertThat(compilerErrors(floeTree(floe), platform)).as("compiler errors for " + cron).isNotEmpty();
            assertThat(schemaErrors(floeSchema, floe)).as("schema errors for " + cron).isNotEmpty();
        }
    }

    @Test
    void enabledVaultWithoutAuthMethodNeedsKubernetesRoleInBoth() {
        byte[] floe = MINIMAL_FLOE.getBytes(StandardCharsets.UTF_8);
        byte[] platform = (new String(read(root.resolve("compiler/src/test/resources/fixtures/minimal/platform.yaml")),
                StandardCharsets.UTF_8) + "security:\n  secret_backends:\n    vault:\n      enabled: true\n      server_url: http://vault:8200\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(compilerErrors(floeOnly(floe), platform)).singleElement().asString().contains("kubernetes_role");
        assertThat(schemaErrors(platformSchema, platform)).isNotEmpty().allMatch(m -> m.contains("kubernetes_role"));
    }

    /** An image tag is at most 128 characters once ${SOURCE_SHA} becomes the 40-character commit. */
    @Test
    void imageTagLengthCountsSourceShaAsFortyCharactersInBoth() {
        byte[] platform = read(root.resolve("platform/local/platform.yaml"));
        String longest = "x".repeat(88) + "${SOURCE_SHA}";
        for (String tag : List.of(longest, "x" + longest, "${SOURCE_SHA}".repeat(3) + "x".repeat(8), "${SOURCE_SHA}".repeat(4))) {
            byte[] floe = ("name: p\nversion: \"1.0.0\"\nimage: \"ghcr.io/acme/p:" + tag + "\"\n").getBytes(StandardCharsets.UTF_8);
            boolean compilerAccepts = compilerErrors(floeOnly(floe), platform).isEmpty();
            boolean schemaAccepts = schemaErrors(floeSchema, floe).isEmpty();
            assertThat(schemaAccepts).as("schema and compiler on tag " + tag).isEqualTo(compilerAccepts);
            assertThat(compilerAccepts).as("compiler on tag " + tag).isEqualTo(tag.length() - 13 * count(tag, "${SOURCE_SHA}")
                    + 40 * count(tag, "${SOURCE_SHA}") <= 128);
        }
    }

    private static int count(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }

    /**
     * The compiler reads time zones with {@link java.time.ZoneId#of}; the schema lists the region names of this JDK and
     * the offset forms. A JDK with a newer tz database that adds a zone fails here until the schema's list is updated.
     */
    @Test
    void timeZonesAreAcceptedByTheSchemaExactlyWhenJavaTimeReadsThem() {
        List<String> probes = new ArrayList<>(ZoneId.getAvailableZoneIds());
        probes.addAll(List.of("Z", "UT", "+5", "+05", "+0530", "+05:30", "+05:30:15", "+053015", "-18:00", "UTC+1",
                "GMT-05:00", "UT+3", "+18:30", "+19", "+05:3", "+0530:15", "UTC+", "EST", "utc", "Mars/Olympus_Mons", ""));
        List<String> disagreements = probes.stream().sorted().filter(tz -> {
            boolean readable;
            try {
                ZoneId.of(tz);
                readable = true;
            } catch (DateTimeException e) {
                readable = false;
            }
            byte[] floe = ("name: p\nversion: \"1.0.0\"\nschedules:\n  - name: s\n    cron: \"0 0 * * *\"\n"
                    + "    transforms: [t]\n    timezone: \"" + tz + "\"\n").getBytes(StandardCharsets.UTF_8);
            return readable != schemaErrors(floeSchema, floe).isEmpty();
        }).toList();
        assertThat(disagreements).as("time zones that java.time and the schema judge differently").isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static List<String> compilerErrors(SourceTree source, byte[] platformYaml) {
        CompileResult result = new FloeCompiler(CompilerLimits.defaults())
                .compile(new CompileRequest(source, "floe.yaml", platformYaml, "platform.yaml", "dev", SOURCE));
        if (result instanceof CompileResult.Failed failed) {
            return failed.errors().stream().map(CompileError::format).toList();
        }
        return List.of();
    }

    private static List<String> schemaErrors(JsonSchema schema, byte[] yaml) {
        Set<ValidationMessage> messages = schema.validate(readYaml(yaml));
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static SourceTree floeTree(byte[] floeYaml) {
        Map<String, byte[]> files = new TreeMap<>();
        DBT_PROJECT.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        files.put("floe.yaml", floeYaml);
        return new MemoryTree(files);
    }

    private static SourceTree floeOnly(byte[] floeYaml) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("floe.yaml", floeYaml);
        return new MemoryTree(files);
    }

    /** A source commit held in memory: relative '/'-separated paths to bytes. */
    private record MemoryTree(Map<String, byte[]> files) implements SourceTree {
        @Override
        public Optional<byte[]> read(String relativePath) throws SourceException {
            return Optional.ofNullable(files.get(Paths.get(relativePath).normalize().toString().replace('\\', '/')));
        }

        @Override
        public List<String> list(String glob) throws SourceException {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return files.keySet().stream().filter(p -> matcher.matches(Paths.get(p))).sorted().toList();
        }

        @Override
        public String describe() {
            return "memory";
        }
    }

    private static Map<String, byte[]> filesUnder(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> files.put(dir.relativize(f).toString().replace('\\', '/'), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean markedSchemaInvalid(Path schemaTxt) {
        return Files.isRegularFile(schemaTxt)
                && new String(read(schemaTxt), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("invalid");
    }

    private static Path validResources() {
        return root.resolve("compiler/src/test/resources/schema-valid");
    }

    private static List<Path> yamlFilesIn(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode readYaml(byte[] yaml) {
        try {
            return YAML.readTree(yaml);
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
