package dev.floe.gitops.compiler.validate;

import dev.floe.gitops.compiler.yaml.YNode;

/**
 * The two-tier rule: floe.yaml describes what a pipeline does, never where infrastructure is. An infrastructure key
 * anywhere in it (also inside free-form maps) is reported once here; the schema walk then skips it.
 */
public final class TwoTierRule {
    private TwoTierRule() {
    }

    public static void check(YNode node, String path, Problems.FileProblems out) {
        if (node instanceof YNode.YMap map) {
            for (YNode.Entry e : map.entries()) {
                String key = e.key().value();
                String child = Checker.child(path, key);
                if (FloeSchema.INFRASTRUCTURE_KEYS.contains(key)) {
                    out.at(e.key(), child, "'" + key + "' is an infrastructure key and belongs in platform.yaml, not floe.yaml",
                            "ask the platform team to add it to a profile in platform.yaml and reference that profile under 'profiles:'");
                } else {
                    check(e.value(), child, out);
                }
            }
        } else if (node instanceof YNode.YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                check(seq.items().get(i), path + "[" + i + "]", out);
            }
        }
    }
}
