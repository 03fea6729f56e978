package io.pitwall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void shouldGiveTheSameIdForTheSameChange() {
    UUID first = EventIds.of("TrophyEarned", "psn:123", "NPWR20188_00", "45");
    UUID again = EventIds.of("TrophyEarned", "psn:123", "NPWR20188_00", "45");

    assertThat(first).isEqualTo(again);
    assertThat(first.version()).isEqualTo(5);
    assertThat(first.variant()).isEqualTo(2);
  }

  @Test
  void shouldGiveDifferentIdsForDifferentChanges() {
    assertThat(EventIds.of("TrophyEarned", "psn:123", "NPWR20188_00", "45"))
        .isNotEqualTo(EventIds.of("TrophyEarned", "psn:123", "NPWR20188_00", "44"))
        .isNotEqualTo(EventIds.of("DrClassChanged", "psn:123", "NPWR20188_00", "45"));
  }

  @Test
  void shouldNotConfuseBoundariesBetweenParts() {
    assertThat(EventIds.of("T", "ab", "c")).isNotEqualTo(EventIds.of("T", "a", "bc"));
  }

  @Test
  void shouldRejectNulInsideAPart() {
    assertThatThrownBy(() -> EventIds.of("T", "a\0b")).isInstanceOf(IllegalArgumentException.class);
  }
}
