package io.pitwall.kafka.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.psn.PsnWatchState;
import io.pitwall.core.psn.TitleState;
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
