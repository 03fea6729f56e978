package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StateSizeLimitTest {

  @Test
  void shouldAcceptAStateThatFitsAndNameTheSizesOfOneThatDoesNot() {
    StateSizeLimit limit = StateSizeLimit.of(Map.of("max.request.size", "1000"));

    assertThat(limit.violation("psn:1", new byte[500])).isNull();
    assertThat(limit.violation("psn:1", new byte[1000]))
        .contains("(1133 bytes)")
        .contains("max.request.size (1000 bytes)");
  }

  @Test
  void shouldDefaultToKafkasOneMebibyte() {
    StateSizeLimit limit = StateSizeLimit.of(Map.of());

    assertThat(limit.violation("psn:1", new byte[1_000_000])).isNull();
    assertThat(limit.violation("psn:1", new byte[1_048_576])).isNotNull();
  }
}
