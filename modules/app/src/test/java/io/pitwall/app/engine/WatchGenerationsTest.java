package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WatchGenerationsTest {

  private final WatchGenerations generations = new WatchGenerations();

  @Test
  void shouldMakeAPollThatStartedBeforeARemovalStaleForThatWatchOnly() {
    Map<String, Long> poll = generations.snapshot(List.of("psn:1", "psn:2"));

    generations.removed("psn:1");

    Predicate<String> current = generations.current(poll);
    assertThat(current.test("psn:1")).isFalse();
    assertThat(current.test("psn:2")).isTrue();
  }

  @Test
  void shouldTreatAPollThatStartedAfterTheRemovalAsCurrent() {
    generations.removed("psn:1");

    Map<String, Long> readded = generations.snapshot(List.of("psn:1"));

    assertThat(generations.current(readded).test("psn:1")).isTrue();
    generations.removed("psn:1");
    assertThat(generations.current(readded).test("psn:1")).isFalse();
  }
}
