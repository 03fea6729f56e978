package io.pitwall.source.example;

import java.util.Optional;

/**
 * Diffs a new best-lap answer against the watch's state. The first answer is the baseline (no
 * event). A faster lap on a known track is an improvement; a first lap on another track after the
 * baseline is one without a previous time. A slower "best" lap means the upstream reset its record:
 * the state adopts it silently.
 */
public final class BestLapDiffer {

  private BestLapDiffer() {}

  /**
   * A new best lap.
   *
   * @param track the track
   * @param lapMillis the new best time
   * @param previousLapMillis the best time before on this track, or null for the first one
   */
  public record Improvement(String track, long lapMillis, Long previousLapMillis) {}

  /**
   * What the answer changes.
   *
   * @param next the watch's next state
   * @param improvement the improvement to publish, if any
   */
  public record Result(BestLapState next, Optional<Improvement> improvement) {}

  /** Diffs one answer against the prior state. */
  public static Result diff(BestLapState prior, BestLap lap) {
    BestLapState next = prior.with(lap.track(), lap.millis());
    if (prior.isEmpty()) {
      return new Result(next, Optional.empty());
    }
    Long before = prior.bestByTrack().get(lap.track());
    if (before != null && lap.millis() >= before) {
      return new Result(next, Optional.empty());
    }
    return new Result(next, Optional.of(new Improvement(lap.track(), lap.millis(), before)));
  }
}
