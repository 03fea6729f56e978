package io.pitwall.source.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.source.api.StateCodec;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state topic's value for an example watch: versioned compact JSON, {@code
 * {"v":1,"source":"example","best":{"<track>":<millis>,...}}}.
 */
public final class BestLapStateCodec implements StateCodec<BestLapState> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public BestLapState empty() {
    return BestLapState.EMPTY;
  }

  @Override
  public byte[] encode(BestLapState state) {
    ObjectNode root = JSON.createObjectNode().put("v", 1).put("source", ExamplePlugin.ID);
    ObjectNode best = root.putObject("best");
    state.bestByTrack().forEach(best::put);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an example state", e);
    }
  }

  /**
   * Reads a stored state.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a version-1
   *     example state
   */
  @Override
  public BestLapState decode(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("example state is not JSON");
    }
    if (root == null
        || !root.isObject()
        || root.path("v").asInt() != 1
        || !ExamplePlugin.ID.equals(root.path("source").asText())) {
      throw new IllegalArgumentException("not a version-1 example state record");
    }
    JsonNode best = root.path("best");
    if (!best.isObject()) {
      throw new IllegalArgumentException("example state: best is not an object");
    }
    Map<String, Long> byTrack = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = best.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber()) {
        throw new IllegalArgumentException(
            "example state: best." + e.getKey() + " is not a whole number");
      }
      byTrack.put(e.getKey(), e.getValue().asLong());
    }
    return new BestLapState(byTrack);
  }
}
