package io.pitwall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WatchKeyTest {

  @Test
  void shouldRoundTripThroughItsStringForm() {
    WatchKey key = WatchKey.parse("gridstats:skino2024");

    assertThat(key.source()).isEqualTo("gridstats");
    assertThat(key.accountId()).isEqualTo("skino2024");
    assertThat(key.toString()).isEqualTo("gridstats:skino2024");
  }

  @Test
  void shouldKeepColonsThatBelongToTheAccountId() {
    assertThat(WatchKey.parse("psn:a:b").accountId()).isEqualTo("a:b");
  }

  @Test
  void shouldExplainWhatIsWrongWithAMalformedKey() {
    assertThatThrownBy(() -> WatchKey.parse("psn123"))
        .hasMessageContaining("expected <source>:<accountId>");
    assertThatThrownBy(() -> WatchKey.parse("Xbox One:1"))
        .hasMessageContaining("Invalid source id 'Xbox One'");
    assertThatThrownBy(() -> WatchKey.parse("psn: ")).hasMessageContaining("blank");
  }
}
