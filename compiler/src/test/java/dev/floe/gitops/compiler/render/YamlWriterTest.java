package dev.floe.gitops.compiler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class YamlWriterTest {
    @Test
    void quotesEveryStringAYaml11ReaderWouldTypeDifferently() {
        List<String> tricky = List.of("yes", "No", "ON", "off", "y", "N", "~", "null", "NULL", "true", "False", "", "0755", "012",
                "1:30", "190:20:30", "2024-01-01", "1e3", "0x1F", ".5", "+1", "-1", ".inf", "-.Inf", ".NaN", "1_000", "=", "<<",
                "a: b", "a #b", "- x", "{{ env_var('X') }}", "[x]", "*ref", "&anchor", "!tag", "%x", "@x", "`x", " lead", "trail ",
                "tab\there", "line\nbreak", "ünïcödé", "\"quoted\"", "back\\slash", "0.0.0.0", "3030");
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            doc.put("k" + i, tricky.get(i));
        }
        String yaml = YamlWriter.write("header", doc);
        Map<String, Object> back = new Yaml().load(yaml);
        for (int i = 0; i < tricky.size(); i++) {
            assertThat(back.get("k" + i)).as(tricky.get(i)).isEqualTo(tricky.get(i));
        }
    }

    @Test
    void writesOrdinaryStringsPlainAndKeepsKeyOrder() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("z", "ghcr.io/acme/app:abc");
        doc.put("a", "PRINCIPAL_ROLE:ALL");
        doc.put("port", 3030);
        doc.put("b", true);
        assertThat(YamlWriter.write(null, doc)).isEqualTo("z: ghcr.io/acme/app:abc\na: PRINCIPAL_ROLE:ALL\nport: 3030\nb: true\n");
    }

    @Test
    void writesMultiLineTextAsALiteralBlockThatReadsBackExactly() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", "{\n  \"a\": 1\n}\n");
        doc.put("nofinal", "a\nb");
        String yaml = YamlWriter.write(null, doc);
        assertThat(yaml).startsWith("file: |\n  {\n");
        Map<String, Object> back = new Yaml().load(yaml);
        assertThat(back).isEqualTo(doc);
    }

    @Test
    void writesListsOfMapsAndEmptyCollections() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("items", List.of(Map.of("name", "a"), Map.of("x", List.of())));
        doc.put("empty", Map.of());
        assertThat(YamlWriter.write(null, doc)).isEqualTo("items:\n  - name: a\n  - x: []\nempty: {}\n");
    }
}
