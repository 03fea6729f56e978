package io.pitwall.source.psn;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.source.api.StateCodec;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The state topic's value for a PSN watch: versioned JSON ({@code "v": 1}, so that the format can
 * evolve), stored deflated behind a {@link #DEFLATED} byte: a 2,000-title state that would pass
 * Kafka's default {@code max.request.size} as JSON is a fraction of it (producer compression would
 * not help, as the producer checks the uncompressed size). Plain JSON records, as 0.1 wrote them,
 * still decode. Titles are keyed by npCommunicationId with {@code u} (last update), {@code n}
 * (earned count) and {@code ids} (earned trophy ids, absent while unknown). A checkpointed baseline
 * adds {@code since} and, while in progress, {@code resumeAt}; records without them (written before
 * checkpoints existed) decode as before.
 */
public final class PsnStateCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The codec as the source API's {@link StateCodec}. */
  public static final StateCodec<PsnWatchState> CODEC =
      new StateCodec<>() {
        @Override
        public PsnWatchState empty() {
          return PsnWatchState.EMPTY;
        }

        @Override
        public byte[] encode(PsnWatchState state) {
          return PsnStateCodec.encode(state);
        }

        @Override
        public PsnWatchState decode(byte[] bytes) {
          return PsnStateCodec.decode(bytes);
        }
      };

  private static final int VERSION = 1;

  /** First byte of a deflated record; a plain JSON record (as 0.1 wrote them) starts with '{'. */
  static final byte DEFLATED = 0x01;

  /** Bound of an inflated record, against a corrupt or hostile one. */
  private static final int MAX_INFLATED = 64 * 1024 * 1024;

  private PsnStateCodec() {}

  /**
   * Encodes a state. Written with Jackson's streaming generator (no tree of nodes: a 100-title
   * state is about 2,600 of them) and deflated at {@link Deflater#BEST_SPEED}: encoding runs once
   * per poll that changed something, on the polling path, and the benchmark found the tree and the
   * slowest deflate level were most of a poll's CPU; the fastest level makes records about a
   * quarter larger, still a small fraction of the JSON.
   */
  public static byte[] encode(PsnWatchState state) {
    ByteArrayOutputStream json = new ByteArrayOutputStream(64 * state.titles().size() + 128);
    try (JsonGenerator g = JSON.getFactory().createGenerator(json)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeStringField("source", "psn");
      if (state.watermark() != null) {
        g.writeStringField("watermark", state.watermark().toString());
      }
      if (state.since() != null) {
        g.writeStringField("since", state.since().toString());
      }
      if (state.resumeAt() != null) {
        g.writeNumberField("resumeAt", state.resumeAt());
      }
      g.writeObjectFieldStart("titles");
      for (Map.Entry<String, TitleState> entry : state.titles().entrySet()) {
        TitleState title = entry.getValue();
        g.writeObjectFieldStart(entry.getKey());
        g.writeStringField("u", title.lastUpdated().toString());
        g.writeNumberField("n", title.earnedCount());
        if (title.earnedIds() != null) {
          int[] ids = title.earnedIds().stream().mapToInt(Integer::intValue).sorted().toArray();
          g.writeArrayFieldStart("ids");
          for (int id : ids) {
            g.writeNumber(id);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode PSN state", e);
    }
    return deflate(json.toByteArray());
  }

  /** The JSON form, {@link #DEFLATED} and raw DEFLATE of it, for a record a fraction the size. */
  private static byte[] deflate(byte[] json) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(json);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 16);
      out.write(DEFLATED);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] bytes) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes, 1, bytes.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("the deflated state ends early");
        }
        out.write(buffer, 0, n);
        if (out.size() > MAX_INFLATED) {
          throw new DataFormatException("inflates to more than " + MAX_INFLATED + " bytes");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  /**
   * Decodes a state.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a PSN state
   */
  public static PsnWatchState decode(byte[] bytes) {
    try {
      JsonNode root =
          JSON.readTree(bytes.length > 0 && bytes[0] == DEFLATED ? inflate(bytes) : bytes);
      if (root == null
          || root.path("v").asInt() != VERSION
          || !"psn".equals(root.path("source").asText())) {
        throw new IllegalArgumentException("not a version-" + VERSION + " PSN state record");
      }
      Instant watermark =
          root.hasNonNull("watermark") ? Instant.parse(root.get("watermark").asText()) : null;
      Map<String, TitleState> titles = new HashMap<>();
      root.path("titles")
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode t = e.getValue();
                Set<Integer> ids = null;
                if (t.has("ids")) {
                  ids = new TreeSet<>();
                  for (JsonNode id : t.get("ids")) {
                    ids.add(id.asInt());
                  }
                }
                titles.put(
                    e.getKey(),
                    new TitleState(Instant.parse(t.path("u").asText()), t.path("n").asInt(), ids));
              });
      Instant since = root.hasNonNull("since") ? Instant.parse(root.get("since").asText()) : null;
      Integer resumeAt = root.hasNonNull("resumeAt") ? root.get("resumeAt").asInt() : null;
      return new PsnWatchState(watermark, titles, since, resumeAt);
    } catch (IOException | DataFormatException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae
          && iae.getMessage() != null
          && iae.getMessage().startsWith("not a")) {
        throw iae;
      }
      throw new IllegalArgumentException("corrupt PSN state record: " + e.getMessage(), e);
    }
  }
}
