package io.pitwall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void shouldRankUndetectedChangesLast() {
    List<Duration> values = IntStream.rangeClosed(1, 98).mapToObj(Duration::ofSeconds).toList();
    Percentiles p = new Percentiles(values, 2);

    assertThat(p.count()).isEqualTo(100);
    assertThat(p.at(50)).isEqualTo(Duration.ofSeconds(50));
    assertThat(p.at(98)).isEqualTo(Duration.ofSeconds(98));
    assertThat(p.at(99)).as("the 99th change was never detected").isNull();
  }

  @Test
  void shouldUseNearestRank() {
    Percentiles p = new Percentiles(List.of(Duration.ofSeconds(30), Duration.ofSeconds(10)), 0);
    assertThat(p.at(50)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.at(51)).isEqualTo(Duration.ofSeconds(30));
  }
}
