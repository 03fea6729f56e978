package io.pitwall.gt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.source.api.StateCodec;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The state topic's value for a GT watch (gt or gridstats): versioned compact JSON. */
public final class GtStateCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The codec as the source API's {@link StateCodec}. */
  public static final StateCodec<GtWatchState> CODEC =
      new StateCodec<>() {
        @Override
        public GtWatchState empty() {
          return GtWatchState.EMPTY;
        }

        @Override
        public byte[] encode(GtWatchState state) {
          return GtStateCodec.encode(state);
        }

        @Override
        public GtWatchState decode(byte[] bytes) {
          return GtStateCodec.decode(bytes);
        }
      };

  private GtStateCodec() {}

  /** Encodes a state. */
  public static byte[] encode(GtWatchState state) {
    ObjectNode root = JSON.createObjectNode().put("v", 1).put("source", "gt");
    DriverSnapshot d = state.driver();
    if (d != null) {
      ObjectNode driver =
          root.putObject("driver")
              .put("dr", d.drClass())
              .put("sr", d.srClass())
              .put("precision", d.precision().name());
      if (d.drClassNumber() != null) {
        driver.put("drNumber", d.drClassNumber());
      }
      if (d.drPoints() != null) {
        driver.put("drPoints", d.drPoints());
      }
      if (d.srPoints() != null) {
        driver.put("srPoints", d.srPoints());
      }
    }
    root.put("drChanges", state.drChanges()).put("srChanges", state.srChanges());
    if (state.epoch() != null) {
      root.put("epoch", state.epoch());
    }
    ObjectNode series = root.putObject("series");
    state
        .series()
        .forEach(
            (id, rounds) -> {
              ObjectNode s = series.putObject(id);
              rounds
                  .rounds()
                  .forEach(
                      (no, r) ->
                          s.putObject(Integer.toString(no))
                              .put("p", r.points())
                              .put("c", r.counted())
                              .put("r", rounds.revisions().getOrDefault(no, 1)));
            });
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode GT state", e);
    }
  }

  /**
   * Decodes a state.
   *
   * @throws IllegalArgumentException when the bytes are not a GT state
   */
  public static GtWatchState decode(byte[] bytes) {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null
          || root.path("v").asInt() != 1
          || !"gt".equals(root.path("source").asText())) {
        throw new IllegalArgumentException("not a version-1 GT state record");
      }
      DriverSnapshot driver = null;
      JsonNode d = root.path("driver");
      if (d.isObject()) {
        driver =
            new DriverSnapshot(
                d.path("dr").asText(),
                d.has("drNumber") ? d.get("drNumber").asInt() : null,
                d.has("drPoints") ? d.get("drPoints").asLong() : null,
                d.path("sr").asText(),
                d.has("srPoints") ? d.get("srPoints").asInt() : null,
                RatingPrecision.valueOf(d.path("precision").asText()));
      }
      Map<String, GtWatchState.SeriesRounds> series = new HashMap<>();
      root.path("series")
          .fields()
          .forEachRemaining(
              e -> {
                Map<Integer, SeriesStanding.Round> rounds = new HashMap<>();
                Map<Integer, Integer> revisions = new HashMap<>();
                e.getValue()
                    .fields()
                    .forEachRemaining(
                        r -> {
                          int no = Integer.parseInt(r.getKey());
                          rounds.put(
                              no,
                              new SeriesStanding.Round(
                                  no,
                                  r.getValue().path("p").asDouble(),
                                  r.getValue().path("c").asBoolean()));
                          revisions.put(no, r.getValue().path("r").asInt(1));
                        });
                series.put(e.getKey(), new GtWatchState.SeriesRounds(rounds, revisions));
              });
      return new GtWatchState(
          driver,
          root.path("drChanges").asInt(),
          root.path("srChanges").asInt(),
          series,
          root.hasNonNull("epoch") ? root.get("epoch").asText() : null);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae
          && iae.getMessage() != null
          && iae.getMessage().startsWith("not a")) {
        throw iae;
      }
      throw new IllegalArgumentException("corrupt GT state record: " + e.getMessage(), e);
    }
  }
}
