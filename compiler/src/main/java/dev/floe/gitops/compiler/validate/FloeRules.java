package dev.floe.gitops.compiler.validate;

import dev.floe.gitops.compiler.model.Nodes;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cross-field rules inside floe.yaml: unique names and schedule → transform references. */
public final class FloeRules {
    private FloeRules() {
    }

    public static void check(YNode root, Problems.FileProblems out) {
        Nodes.at(root, "name").ifPresent(n -> {
            if (n instanceof YScalar s && !s.value().isEmpty() && !Character.isLetterOrDigit(s.value().charAt(s.value().length() - 1))) {
                out.at(n, "name", "pipeline name '" + s.value() + "' must end with a letter or digit: it names Kubernetes objects",
                        "drop the trailing '" + s.value().charAt(s.value().length() - 1) + "'");
            }
        });
        List<String> transforms = unique(root, "transforms", "transform", out);
        unique(root, "schedules", "schedule", out);
        List<YNode> schedules = Nodes.items(root, "schedules");
        for (int i = 0; i < schedules.size(); i++) {
            List<YNode> refs = Nodes.items(schedules.get(i), "transforms");
            for (int j = 0; j < refs.size(); j++) {
                if (refs.get(j) instanceof YScalar s && !transforms.contains(s.value())) {
                    out.at(s, "schedules[" + i + "].transforms[" + j + "]", "schedule '" + Nodes.str(schedules.get(i), "name", "")
                                    + "' references unknown transform '" + s.value() + "'; available: "
                                    + (transforms.isEmpty() ? "none" : String.join(", ", transforms)),
                            DidYouMean.hint(s.value(), transforms).orElse(null));
                }
            }
        }
    }

    private static List<String> unique(YNode root, String section, String what, Problems.FileProblems out) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<YNode> items = Nodes.items(root, section);
        for (int i = 0; i < items.size(); i++) {
            YNode name = Nodes.at(items.get(i), "name").orElse(null);
            if (name instanceof YScalar s) {
                Integer first = seen.putIfAbsent(s.value(), i);
                if (first != null) {
                    out.at(s, section + "[" + i + "].name", "duplicate " + what + " name '" + s.value() + "' (also "
                            + section + "[" + first + "])", "names must be unique");
                } else {
                    names.add(s.value());
                }
            }
        }
        return names;
    }
}
