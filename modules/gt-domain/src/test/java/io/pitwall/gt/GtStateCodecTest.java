package io.pitwall.gt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GtStateCodecTest {

  @Test
  void shouldRoundTripAState() {
    GtWatchState state =
        new GtWatchState(
            new DriverSnapshot("A+", 6, 56_101L, "S", 99, RatingPrecision.POINTS),
            3,
            1,
            Map.of(
                "1564",
                new GtWatchState.SeriesRounds(
                    Map.of(1, new SeriesStanding.Round(1, 120, true)), Map.of(1, 2))),
            "8f0c5a8e-epoch");

    assertThat(GtStateCodec.decode(GtStateCodec.encode(state))).isEqualTo(state);
    assertThat(GtStateCodec.decode(GtStateCodec.encode(GtWatchState.EMPTY)))
        .isEqualTo(GtWatchState.EMPTY);
  }

  @Test
  void shouldRefuseAPsnStateOrGarbage() {
    assertThatThrownBy(
            () ->
                GtStateCodec.decode(
                    "{\"v\":1,\"source\":\"psn\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a version-1 GT state");
    assertThatThrownBy(() -> GtStateCodec.decode("{".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("corrupt");
  }
}
