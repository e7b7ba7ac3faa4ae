package dev.floe.gitops.charts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds fields fabric8 did not know. Its models keep unknown YAML keys in {@code getAdditionalProperties()} instead of
 * failing, so a typo such as {@code protocl} parses silently; this walks the whole object graph and reports the path of
 * every such key.
 */
final class UnknownFields {

  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

  /** Paths (as reported) where free-form keys are expected; none of the kinds the chart renders has one today. */
  private final Predicate<String> freeForm;

  UnknownFields(Predicate<String> freeForm) {
    this.freeForm = freeForm;
  }

  static UnknownFields strict() {
    return new UnknownFields(path -> false);
  }

  List<String> find(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    return found;
  }

  private void walk(Object node, String path, List<String> found, Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "[" + k + "]", found, seen));
      return;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", found, seen);
      }
      return;
    }
    if (!node.getClass().getName().startsWith(MODEL_PACKAGE)) {
      return; // strings, numbers, enums
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      String name = getter.getName();
      String property;
      if (name.startsWith("get") && name.length() > 3) {
        property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
      } else if (name.startsWith("is") && name.length() > 2 && getter.getReturnType() == Boolean.class) {
        property = Character.toLowerCase(name.charAt(2)) + name.substring(3);
      } else {
        continue;
      }
      Object value = invoke(getter, node);
      String childPath = path.isEmpty() ? property : path + "." + property;
      if (property.equals("additionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty() && !freeForm.test(path)) {
          extra.keySet().forEach(key -> found.add(path.isEmpty() ? String.valueOf(key) : path + "." + key));
        }
        continue;
      }
      walk(value, childPath, found, seen);
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null; // a computed getter that does not apply to this object
    }
  }
}
