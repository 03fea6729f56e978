package io.pitwall.source.psn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.zip.Inflater;

/**
 * Reads version 1 of the PSN state record, as 0.1 and 0.2 wrote it: JSON ({@code "v": 1}), plain or
 * deflated behind a {@link #DEFLATED} byte. Titles are keyed by npCommunicationId with {@code u}
 * (last update), {@code n} (earned count) and {@code ids} (earned trophy ids, absent while
 * unknown); a checkpointed baseline adds {@code since} and, while in progress, {@code resumeAt}.
 * Pitwall no longer writes this form (see {@link PsnStateBinary}); a state topic written by an
 * earlier version still restores, and each watch's record is rewritten in version 2 by its next
 * poll that changes something.
 */
final class PsnStateJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int VERSION = 1;

  /** First byte of a deflated record; a plain JSON record (as 0.1 wrote them) starts with '{'. */
  static final byte DEFLATED = 0x01;

  /** Bound of an inflated record, against a corrupt or hostile one. */
  private static final int MAX_INFLATED = 64 * 1024 * 1024;

  private PsnStateJson() {}

  /**
   * Decodes a version-1 record.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a PSN state
   */
  static PsnWatchState decode(byte[] bytes) {
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
}
