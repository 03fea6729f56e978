package io.pitwall.simulator.psn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of a JSON document: every field path with its JSON type. Arrays contribute the union of
 * their elements' shapes under {@code path[]}, so two documents have the same shape when they use
 * the same field names with the same types, whatever the values and list lengths.
 */
public final class JsonShapes {

  private JsonShapes() {}

  public static Map<String, String> of(JsonNode node) {
    Map<String, String> shape = new TreeMap<>();
    collect("$", node, shape);
    return shape;
  }

  private static void collect(String path, JsonNode node, Map<String, String> shape) {
    shape.merge(path, type(node), (a, b) -> a.equals(b) ? a : a + "|" + b);
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> collect(path + "." + e.getKey(), e.getValue(), shape));
    } else if (node.isArray()) {
      node.forEach(element -> collect(path + "[]", element, shape));
    }
  }

  private static String type(JsonNode node) {
    if (node.isTextual()) {
      return "string";
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isArray() ? "array" : "object";
  }
}
