package io.pitwall.source.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state codec reads back what it writes, and names what is wrong with anything else. */
class BestLapStateCodecTest {

  private final BestLapStateCodec codec = new BestLapStateCodec();

  @Test
  void shouldReadBackWhatItWrites() {
    BestLapState state = new BestLapState(Map.of("monza", 83_456L, "spa", 121_000L));

    byte[] bytes = codec.encode(state);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":1,\"source\":\"example\",\"best\":{\"monza\":83456,\"spa\":121000}}");
    assertThat(codec.decode(bytes)).isEqualTo(state);
    assertThat(codec.decode(codec.encode(codec.empty()))).isEqualTo(BestLapState.EMPTY);
    assertThat(codec.empty().isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|example state is not JSON",
        "{\"v\":2,\"source\":\"example\",\"best\":{}}|not a version-1 example state record",
        "{\"v\":1,\"source\":\"gt\",\"best\":{}}|not a version-1 example state record",
        "[1]|not a version-1 example state record",
        "{\"v\":1,\"source\":\"example\",\"best\":[]}|example state: best is not an object",
        "{\"v\":1,\"source\":\"example\",\"best\":{\"monza\":\"fast\"}}|example state: best.monza is not a whole number",
        "{\"v\":1,\"source\":\"example\",\"best\":{\"monza\":1.5}}|example state: best.monza is not a whole number",
      })
  void shouldRefuseWhatIsNotAnExampleState(String stored, String problem) {
    assertThatThrownBy(() -> codec.decode(stored.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(problem);
  }
}
