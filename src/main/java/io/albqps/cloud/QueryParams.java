package io.albqps.cloud;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens structured query parameters the way the BytePlus SDKs do: a list becomes {@code Name.1},
 * {@code Name.2} (1-based), a map inside it {@code Parent.N.Child}.
 */
final class QueryParams {
  private QueryParams() {}

  /** Values may be strings, numbers, booleans, lists and maps of those. */
  static Map<String, String> flatten(Map<String, ?> params) {
    Map<String, String> flat = new TreeMap<>();
    params.forEach((name, value) -> add(flat, name, value));
    return flat;
  }

  private static void add(Map<String, String> flat, String name, Object value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("query parameter name is empty");
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((child, v) -> add(flat, name + "." + child, v));
    } else if (value instanceof Collection<?> list) {
      int index = 1;
      for (Object element : list) {
        add(flat, name + "." + index++, element);
      }
    } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      if (flat.put(name, value.toString()) != null) {
        throw new IllegalArgumentException("query parameter " + name + " is given twice");
      }
    } else {
      throw new IllegalArgumentException(
          "query parameter "
              + name
              + " must be a string, number, boolean, list or map, got "
              + (value == null ? "null" : value.getClass().getSimpleName()));
    }
  }
}
