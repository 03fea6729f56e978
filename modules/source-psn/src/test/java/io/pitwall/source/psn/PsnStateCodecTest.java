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

  /**
   * The streaming encoder writes the JSON the tree encoder wrote, field for field, and a record
   * deflated at the level 0.2 used (the slowest) still decodes.
   */
  @Test
  void shouldWriteTheSameJsonAsBeforeAndReadRecordsDeflatedAtAnyLevel() throws Exception {
    PsnWatchState state =
        new PsnWatchState(
            null,
            new java.util.LinkedHashMap<>(
                Map.of(
                    "NPWR1_00",
                    new TitleState(Instant.parse("2025-12-31T00:00:00Z"), 3, Set.of(5, 1, 2)))),
            Instant.parse("2025-06-01T00:00:00Z"),
            800);
    byte[] encoded = PsnStateCodec.encode(state);
    java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
    inflater.setInput(encoded, 1, encoded.length - 1);
    byte[] json = new byte[4096];
    int length = inflater.inflate(json);
    inflater.end();

    assertThat(new String(json, 0, length, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"v\":1,\"source\":\"psn\","
                + "\"since\":\"2025-06-01T00:00:00Z\",\"resumeAt\":800,\"titles\":"
                + "{\"NPWR1_00\":{\"u\":\"2025-12-31T00:00:00Z\",\"n\":3,\"ids\":[1,2,5]}}}");

    java.util.zip.Deflater slowest = new java.util.zip.Deflater(9, true);
    slowest.setInput(json, 0, length);
    slowest.finish();
    byte[] deflated = new byte[4096];
    deflated[0] = PsnStateCodec.DEFLATED;
    int size = slowest.deflate(deflated, 1, deflated.length - 1);
    slowest.end();
    assertThat(PsnStateCodec.decode(java.util.Arrays.copyOf(deflated, size + 1))).isEqualTo(state);
  }

  @Test
  void shouldStoreA2000TitleStateWellBelowKafkasDefaultRecordLimitThatItsJsonPasses() {
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
    int json = plainJsonLength(stored);

    System.out.printf(
        "2,000-title PSN state: JSON %d bytes, stored %d bytes%n", json, stored.length);
    assertThat(json).as("the JSON form").isGreaterThan(1024 * 1024);
    assertThat(stored.length).as("the stored form").isLessThan(json / 3);
    assertThat(stored.length).isLessThan(512 * 1024);
    assertThat(PsnStateCodec.decode(stored)).isEqualTo(state);
  }

  @Test
  void shouldRefuseADeflatedRecordThatIsCut() {
    byte[] stored =
        PsnStateCodec.encode(new PsnWatchState(Instant.parse("2026-01-01T00:00:00Z"), Map.of()));
    byte[] cut = java.util.Arrays.copyOf(stored, stored.length / 2);
    assertThatThrownBy(() -> PsnStateCodec.decode(cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt PSN state record");
  }

  private static int plainJsonLength(byte[] stored) {
    assertThat(stored[0]).isEqualTo(PsnStateCodec.DEFLATED);
    java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
    inflater.setInput(stored, 1, stored.length - 1);
    byte[] buffer = new byte[1 << 16];
    int total = 0;
    try {
      while (!inflater.finished()) {
        total += inflater.inflate(buffer);
      }
    } catch (java.util.zip.DataFormatException e) {
      throw new AssertionError(e);
    } finally {
      inflater.end();
    }
    return total;
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
