package io.pitwall.source.psn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PsnStateCodecTest {

  @Test
  void shouldRoundTripAState() {
    PsnWatchState state =
        new PsnWatchState(
            Instant.parse("2026-01-01T00:00:00Z"),
            Map.of(
                "NPWR1_00",
                    new TitleState(Instant.parse("2025-12-31T00:00:00Z"), 3, Set.of(1, 2, 5)),
                "NPWR2_00", new TitleState(Instant.parse("2025-01-01T00:00:00Z"), 7, null)));

    assertThat(PsnStateCodec.decode(PsnStateCodec.encode(state))).isEqualTo(state);
    assertThat(PsnStateCodec.decode(PsnStateCodec.encode(PsnWatchState.EMPTY)))
        .isEqualTo(PsnWatchState.EMPTY);
  }

  @Test
  void shouldRoundTripABaselineInProgressAndOneThatWasCheckpointed() {
    Instant since = Instant.parse("2026-01-01T00:00:00Z");
    Map<String, TitleState> titles =
        Map.of("NPWR1_00", new TitleState(Instant.parse("2025-12-31T00:00:00Z"), 3, null));
    PsnWatchState inProgress = new PsnWatchState(null, titles, since, 800);
    PsnWatchState completed = new PsnWatchState(since, titles, since, null);

    assertThat(PsnStateCodec.decode(PsnStateCodec.encode(inProgress))).isEqualTo(inProgress);
    assertThat(PsnStateCodec.decode(PsnStateCodec.encode(completed))).isEqualTo(completed);
  }

  @Test
  void shouldDecodeARecordWrittenBeforeCheckpointsUnchanged() {
    String old =
        "{\"v\":1,\"source\":\"psn\",\"watermark\":\"2026-01-01T00:00:00Z\",\"titles\":"
            + "{\"NPWR1_00\":{\"u\":\"2025-12-31T00:00:00Z\",\"n\":3,\"ids\":[1,2,5]}}}";

    assertThat(PsnStateCodec.decode(old.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            new PsnWatchState(
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of(
                    "NPWR1_00",
                    new TitleState(Instant.parse("2025-12-31T00:00:00Z"), 3, Set.of(1, 2, 5)))));
  }

  /** Records of version 1 (JSON, deflated at any level, as 0.2 wrote them) still decode. */
  @Test
  void shouldReadVersion1RecordsDeflatedAtAnyLevel() {
    String json =
        "{\"v\":1,\"source\":\"psn\","
            + "\"since\":\"2025-06-01T00:00:00Z\",\"resumeAt\":800,\"titles\":"
            + "{\"NPWR1_00\":{\"u\":\"2025-12-31T00:00:00Z\",\"n\":3,\"ids\":[1,2,5]}}}";
    PsnWatchState state =
        new PsnWatchState(
            null,
            Map.of(
                "NPWR1_00",
                new TitleState(Instant.parse("2025-12-31T00:00:00Z"), 3, Set.of(5, 1, 2))),
            Instant.parse("2025-06-01T00:00:00Z"),
            800);

    for (int level : new int[] {1, 6, 9}) {
      assertThat(PsnStateCodec.decode(deflated(json, level)))
          .as("level %d", level)
          .isEqualTo(state);
    }
    assertThat(PsnStateCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(state);
  }

  @Test
  void shouldWriteVersion2AndKeepEverythingAStateHolds() {
    Map<String, TitleState> titles = new java.util.HashMap<>();
    titles.put(
        "NPWR00001_00", new TitleState(Instant.parse("2025-01-01T00:00:00.5Z"), 2, Set.of()));
    // a bitmap's span, a sparse list, negative ids, the int range's ends
    titles.put("NPWR00002_00", new TitleState(Instant.EPOCH, 40, rangeOf(0, 40)));
    titles.put(
        "NPWR00010_00",
        new TitleState(
            Instant.parse("1960-01-01T00:00:00.000000001Z"),
            -1,
            Set.of(Integer.MIN_VALUE, -3, 0, 1_000_000, Integer.MAX_VALUE)));
    titles.put("NPWR00010_01", new TitleState(Instant.parse("2026-01-01T00:00:00Z"), 1, Set.of(7)));
    // ids whose shared UTF-8 prefix ends inside a character
    titles.put("NPWRé_00", new TitleState(Instant.parse("2026-01-01T00:00:00Z"), 0, null));
    titles.put("NPWRè_00", new TitleState(Instant.parse("2026-01-02T00:00:00Z"), 0, null));
    titles.put("", new TitleState(Instant.parse("2026-01-03T00:00:00Z"), 0, null));
    PsnWatchState state =
        new PsnWatchState(
            null, titles, Instant.ofEpochSecond(-62_000_000_000L, 999_999_999), Integer.MAX_VALUE);

    byte[] stored = PsnStateCodec.encode(state);

    assertThat(stored[0]).isEqualTo(PsnStateBinary.MARKER);
    assertThat(PsnStateCodec.decode(stored)).isEqualTo(state);
  }

  @Test
  void shouldStoreA2000TitleStateWellBelowKafkasDefaultRecordLimitThatItsJsonPasses()
      throws Exception {
    java.util.Random random = new java.util.Random(7);
    Map<String, TitleState> titles = new java.util.HashMap<>();
    for (int i = 0; i < 2000; i++) {
      Set<Integer> ids = new java.util.TreeSet<>();
      for (int id = 0; id < 200; id++) {
        if (random.nextInt(10) < 7) {
          ids.add(id);
        }
      }
      titles.put(
          String.format("NPWR%05d_00", i),
          new TitleState(
              Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 3607L), ids.size(), ids));
    }
    PsnWatchState state = new PsnWatchState(Instant.parse("2026-01-01T00:00:00Z"), titles);

    byte[] stored = PsnStateCodec.encode(state);
    int json = version1Json(state).length;

    System.out.printf(
        "2,000-title PSN state: JSON %d bytes, stored %d bytes%n", json, stored.length);
    assertThat(json).as("the JSON form").isGreaterThan(1024 * 1024);
    assertThat(stored.length).as("the stored form").isLessThan(json / 10);
    assertThat(PsnStateCodec.decode(stored)).isEqualTo(state);
  }

  @Test
  void shouldRefuseADeflatedRecordThatIsCut() {
    byte[] stored =
        deflated(
            "{\"v\":1,\"source\":\"psn\",\"watermark\":\"2026-01-01T00:00:00Z\",\"titles\":{}}", 1);
    byte[] cut = java.util.Arrays.copyOf(stored, stored.length / 2);
    assertThatThrownBy(() -> PsnStateCodec.decode(cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt PSN state record");
  }

  /** Every cut of a version-2 record is refused, never decoded into a smaller state. */
  @Test
  void shouldRefuseAVersion2RecordCutAnywhere() {
    byte[] stored = PsnStateCodec.encode(sample(20));
    for (int length = 1; length < stored.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(stored, length);
      assertThatThrownBy(() -> PsnStateCodec.decode(cut))
          .as("cut at %d of %d bytes", length, stored.length)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("corrupt PSN state record");
    }
    byte[] longer = java.util.Arrays.copyOf(stored, stored.length + 1);
    assertThatThrownBy(() -> PsnStateCodec.decode(longer))
        .hasMessageContaining("1 bytes after the last title");
  }

  /**
   * A record with damaged bytes either decodes (into some state) or is refused with the codec's
   * error: never another exception, and never an allocation of what a damaged length claims.
   */
  @Test
  void shouldRefuseOrDecodeADamagedVersion2RecordWithoutAnyOtherFailure() {
    byte[] stored = PsnStateCodec.encode(sample(20));
    java.util.Random random = new java.util.Random(11);
    int refused = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] damaged = stored.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        damaged[1 + random.nextInt(damaged.length - 1)] = (byte) random.nextInt(256);
      }
      try {
        PsnStateCodec.decode(damaged);
      } catch (IllegalArgumentException e) {
        assertThat(e).hasMessageStartingWith("corrupt PSN state record: ");
        refused++;
      }
    }
    assertThat(refused).as("damaged records refused").isGreaterThan(1_000);
    byte[] huge = {PsnStateBinary.MARKER, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
    assertThatThrownBy(() -> PsnStateCodec.decode(huge))
        .hasMessageContaining("a length of 268435455 with 0 bytes left");
  }

  private static PsnWatchState sample(int count) {
    Map<String, TitleState> titles = new java.util.HashMap<>();
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < count; i++) {
      Set<Integer> ids = new java.util.TreeSet<>();
      for (int id = 0; id < 50; id++) {
        if (random.nextBoolean()) {
          ids.add(i % 2 == 0 ? id : id * 97);
        }
      }
      titles.put(
          String.format("NPWR%05d_00", i * 13),
          new TitleState(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), ids.size(), ids));
    }
    return new PsnWatchState(Instant.parse("2026-01-01T00:00:00Z"), titles);
  }

  private static Set<Integer> rangeOf(int from, int to) {
    Set<Integer> ids = new java.util.TreeSet<>();
    for (int id = from; id < to; id++) {
      ids.add(id);
    }
    return ids;
  }

  /** A state's version-1 JSON, as 0.2 wrote it (before deflating). */
  private static byte[] version1Json(PsnWatchState state) throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = mapper.createObjectNode().put("v", 1).put("source", "psn");
    root.put("watermark", state.watermark().toString());
    var titles = root.putObject("titles");
    state
        .titles()
        .forEach(
            (id, title) -> {
              var node = titles.putObject(id);
              node.put("u", title.lastUpdated().toString()).put("n", title.earnedCount());
              var ids = node.putArray("ids");
              title.earnedIds().stream().sorted().forEach(ids::add);
            });
    return mapper.writeValueAsBytes(root);
  }

  /** The version-1 deflated form: a 1 byte, then raw DEFLATE at this level. */
  private static byte[] deflated(String json, int level) {
    byte[] plain = json.getBytes(StandardCharsets.UTF_8);
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(level, true);
    deflater.setInput(plain);
    deflater.finish();
    byte[] out = new byte[plain.length + 64];
    out[0] = PsnStateJson.DEFLATED;
    int size = deflater.deflate(out, 1, out.length - 1);
    deflater.end();
    return java.util.Arrays.copyOf(out, size + 1);
  }

  @Test
  void shouldRefuseARecordThatIsNotAPsnState() {
    assertThatThrownBy(
            () ->
                PsnStateCodec.decode(
                    "{\"v\":2,\"source\":\"psn\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a version-1 PSN state");
    assertThatThrownBy(() -> PsnStateCodec.decode("garbage".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt");
  }
}
