package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.config.WatchSpec;
import io.pitwall.core.Source;
import io.pitwall.core.WatchKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchStalenessTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static WatchSpec watch(Source source, String account) {
    return new WatchSpec(new WatchKey(source, account), null, false, List.of());
  }

  @Test
  void shouldMeasureStalenessFromAddedUntilTheFirstSuccessfulPoll() {
    WatchScheduler scheduler = new WatchScheduler();
    WatchSpec a = watch(Source.PSN, "a");
    WatchSpec b = watch(Source.PSN, "b");
    scheduler.add(a, T0, false);
    scheduler.add(b, T0.plusSeconds(30), false);

    assertThat(scheduler.maxStaleness(Source.PSN, T0.plusSeconds(100)))
        .isEqualTo(Duration.ofSeconds(100));
    assertThat(scheduler.refreshed(a, T0.plusSeconds(100))).isEqualTo(Duration.ofSeconds(100));
    assertThat(scheduler.maxStaleness(Source.PSN, T0.plusSeconds(110)))
        .as("b, never polled, is now the stalest")
        .isEqualTo(Duration.ofSeconds(80));
    assertThat(scheduler.refreshed(a, T0.plusSeconds(160))).isEqualTo(Duration.ofSeconds(60));
    assertThat(scheduler.maxStaleness(Source.GT, T0.plusSeconds(160))).isZero();
  }

  @Test
  void shouldForgetRemovedWatches() {
    WatchScheduler scheduler = new WatchScheduler();
    WatchSpec a = watch(Source.GT, "a");
    scheduler.add(a, T0, false);
    scheduler.remove(a.key().toString());

    assertThat(scheduler.maxStaleness(Source.GT, T0.plusSeconds(500))).isZero();
    assertThat(scheduler.refreshed(a, T0.plusSeconds(500))).isZero();
    assertThat(scheduler.keys(Source.GT)).isEmpty();
  }
}
