package io.pitwall.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatchStatusMapperTest {

  private final WatchKey watch = WatchKey.parse("psn:6515971742264256071");

  @Test
  void shouldGiveATransitionDetectedAgainLaterTheSameId() {
    WatchStatusChanged first =
        event(PollOutcome.AUTH_EXPIRED, 3, Instant.parse("2026-12-02T08:00:00.123Z"));
    WatchStatusChanged afterRestart =
        event(PollOutcome.AUTH_EXPIRED, 3, Instant.parse("2026-12-02T08:04:10.456Z"));

    assertThat(afterRestart.getEnvelope().getEventId()).isEqualTo(first.getEnvelope().getEventId());
  }

  @Test
  void shouldNeverReuseAnIdForAnotherTransitionOrEpoch() {
    Instant at = Instant.parse("2026-12-02T08:00:00Z");
    WatchStatusChanged third = event(PollOutcome.OK, 3, at);

    assertThat(event(PollOutcome.OK, 4, at).getEnvelope().getEventId())
        .isNotEqualTo(third.getEnvelope().getEventId());
    assertThat(WatchStatusMapper.eventId(watch, "another-epoch", 3, PollOutcome.OK))
        .isNotEqualTo(third.getEnvelope().getEventId());
  }

  private WatchStatusChanged event(PollOutcome status, long sequence, Instant at) {
    return WatchStatusMapper.toEvent(
        watch,
        "Me",
        status,
        PollOutcome.OK,
        "reason",
        at,
        WatchStatusMapper.eventId(watch, "epoch-1", sequence, status));
  }
}
