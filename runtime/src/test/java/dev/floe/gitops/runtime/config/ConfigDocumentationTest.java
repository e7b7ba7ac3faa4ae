package dev.floe.gitops.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** docs/configuration.md must list every key of the model, with its variable and default. */
class ConfigDocumentationTest {

    /** Record components that are not keys of their section, with the reason. */
    private static final Set<String> NOT_KEYS = Set.of(
            "EnvironmentConfig.name",   // the map key under `environments`
            "DeployTarget.source");     // bound from `branch` or `tag`

    static Path docs() {
        String root = System.getProperty("floe.repo.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/configuration.md"))) return p.resolve("docs/configuration.md");
        }
        throw new AssertionError("docs/configuration.md not found above " + start);
    }

    @Test
    void everySchemaKeyIsDocumentedWithItsVariableAndDefault() throws IOException {
        String text = Files.readString(docs());
        List<String> missing = new ArrayList<>();
        for (ConfigReference.Row row : ConfigReference.rows()) {
            if (!text.contains("`" + row.path() + "`")) missing.add(row.path());
            if (!row.variable().isEmpty() && !text.contains(row.variable())) missing.add(row.variable());
            if (!row.defaultValue().isEmpty() && !text.contains("`" + row.defaultValue() + "`")) missing.add(row.path() + " default " + row.defaultValue());
        }
        assertThat(missing).as("undocumented in docs/configuration.md (regenerate the table from ConfigReference.markdownTable())").isEmpty();
    }

    @Test
    void everyKeyOfTheModelIsInTheSchema() {
        List<String> missing = new ArrayList<>();
        check(GitopsConfig.class, ConfigSchema.ROOT, missing);
        assertThat(missing).as("record components without a schema key (so without documentation)").isEmpty();
    }

    private static void check(Class<?> record, ValueType.Section section, List<String> missing) {
        for (RecordComponent c : record.getRecordComponents()) {
            String id = record.getSimpleName() + "." + c.getName();
            if (NOT_KEYS.contains(id)) continue;
            var key = section.key(c.getName());
            if (key.isEmpty()) {
                missing.add(id);
                continue;
            }
            Class<?> nested = recordType(c.getGenericType());
            ValueType type = key.get().type();
            if (type instanceof ValueType.ListOf l) type = l.element();
            if (type instanceof ValueType.MapOf m) type = m.value();
            if (nested != null && type instanceof ValueType.Section s) check(nested, s, missing);
        }
    }

    /** The record type behind a component: itself, or the element of a List / value of a Map. */
    private static Class<?> recordType(Type type) {
        if (type instanceof Class<?> c) return c.isRecord() && !c.getPackageName().endsWith("secrets") ? c : null;
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            Type last = args[args.length - 1];
            if (p.getRawType() == List.class || p.getRawType() == Map.class) return recordType(last);
        }
        return null;
    }
}
