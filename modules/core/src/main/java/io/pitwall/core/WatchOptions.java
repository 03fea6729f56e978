package io.pitwall.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The source-specific option values of one watch, by option name: a {@link Boolean} for a flag, a
 * {@code List<String>} for an id list. Immutable; absent flags are false, absent lists empty.
 *
 * @param values the values by option name
 */
public record WatchOptions(Map<String, Object> values) {

  /** No options. */
  public static final WatchOptions NONE = new WatchOptions(Map.of());

  public WatchOptions {
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** A flag's value; false when absent. */
  public boolean flag(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  /** An id list's value; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    Object value = values.get(name);
    return value == null ? List.of() : (List<String>) value;
  }

  /** Options with one more value. */
  public WatchOptions with(String name, Object value) {
    Map<String, Object> copy = new TreeMap<>(values);
    copy.put(name, value instanceof List<?> list ? List.copyOf(list) : value);
    return new WatchOptions(copy);
  }

  /** The options as configuration text: {@code " backfill=true series=1,2"} (leading space). */
  public String describe() {
    StringBuilder out = new StringBuilder();
    values.forEach(
        (name, value) -> {
          if (value instanceof List<?> list) {
            if (!list.isEmpty()) {
              out.append(' ').append(name).append('=').append(String.join(",", list(name)));
            }
          } else if (Boolean.TRUE.equals(value)) {
            out.append(' ').append(name).append("=true");
          }
        });
    return out.toString();
  }
}
