package io.pitwall.source.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchKey;
import io.pitwall.events.BestLapImproved;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only a faster lap, or a first one on another track, is an improvement; the baseline is none. */
class BestLapDifferTest {

  private static final BestLapState KNOWN = new BestLapState(Map.of("monza", 83_456L));

  @Test
  void shouldTakeTheBaselineWithoutAnEvent() {
    BestLapDiffer.Result diff =
        BestLapDiffer.diff(BestLapState.EMPTY, new BestLap("ayrton", "monza", 83_456));

    assertThat(diff.improvement()).isEmpty();
    assertThat(diff.next()).isEqualTo(KNOWN);
  }

  @Test
  void shouldReportAFasterLapWithThePreviousTime() {
    BestLapDiffer.Result diff = BestLapDiffer.diff(KNOWN, new BestLap("ayrton", "monza", 82_999));

    assertThat(diff.improvement())
        .contains(new BestLapDiffer.Improvement("monza", 82_999, 83_456L));
    assertThat(diff.next().bestByTrack()).containsExactly(Map.entry("monza", 82_999L));
  }

  @Test
  void shouldReportNothingForTheSameLap() {
    BestLapDiffer.Result diff = BestLapDiffer.diff(KNOWN, new BestLap("ayrton", "monza", 83_456));

    assertThat(diff.improvement()).isEmpty();
    assertThat(diff.next()).isEqualTo(KNOWN);
  }

  @Test
  void shouldAdoptASlowerBestLapSilentlyAsAnUpstreamReset() {
    BestLapDiffer.Result diff = BestLapDiffer.diff(KNOWN, new BestLap("ayrton", "monza", 90_000));

    assertThat(diff.improvement()).isEmpty();
    assertThat(diff.next().bestByTrack()).containsExactly(Map.entry("monza", 90_000L));
  }

  @Test
  void shouldReportAFirstLapOnAnotherTrackWithoutAPreviousTime() {
    BestLapDiffer.Result diff = BestLapDiffer.diff(KNOWN, new BestLap("ayrton", "spa", 121_000));

    assertThat(diff.improvement()).contains(new BestLapDiffer.Improvement("spa", 121_000, null));
    assertThat(diff.next().bestByTrack())
        .containsOnly(Map.entry("monza", 83_456L), Map.entry("spa", 121_000L));
  }

  @Test
  void shouldMapAnImprovementToItsEventWithADeterministicId() {
    WatchKey watch = new WatchKey("example", "ayrton");
    Instant detectedAt = Instant.parse("2026-12-02T20:00:00.123456Z");
    BestLapDiffer.Improvement improvement = new BestLapDiffer.Improvement("monza", 82_999, 83_456L);

    BestLapImproved event =
        BestLapImprovedMapper.toEvent(watch, "Senna", "ayrton", improvement, detectedAt);

    assertThat(event.getEnvelope().getSource()).isEqualTo("example");
    assertThat(event.getEnvelope().getAccountId()).isEqualTo("ayrton");
    assertThat(event.getEnvelope().getWatchLabel()).isEqualTo("Senna");
    assertThat(event.getEnvelope().getDetectedAt())
        .isEqualTo(Instant.parse("2026-12-02T20:00:00.123Z"));
    assertThat(event.getEnvelope().getEventTime()).isNull();
    assertThat(event.getDriver()).isEqualTo("ayrton");
    assertThat(event.getTrack()).isEqualTo("monza");
    assertThat(event.getLapMillis()).isEqualTo(82_999L);
    assertThat(event.getPreviousLapMillis()).isEqualTo(83_456L);
    assertThat(event.getEnvelope().getEventId())
        .isEqualTo(
            BestLapImprovedMapper.toEvent(watch, null, "ayrton", improvement, Instant.EPOCH)
                .getEnvelope()
                .getEventId())
        .isNotEqualTo(
            BestLapImprovedMapper.toEvent(
                    watch,
                    "Senna",
                    "ayrton",
                    new BestLapDiffer.Improvement("monza", 82_998, 82_999L),
                    detectedAt)
                .getEnvelope()
                .getEventId());
    assertThat(ExamplePlugin.BEST_LAP_IMPROVED.line(event))
        .isEqualTo("BestLapImproved example:ayrton (Senna) monza 1:22.999 (was 1:23.456)");
  }

  @Test
  void shouldWriteLapTimesAsMinutesSecondsAndMillis() {
    assertThat(BestLapImprovedMapper.lapTime(83_456)).isEqualTo("1:23.456");
    assertThat(BestLapImprovedMapper.lapTime(59_007)).isEqualTo("0:59.007");
    assertThat(BestLapImprovedMapper.lapTime(3_723_004)).isEqualTo("62:03.004");
  }
}
