package io.pitwall.source.example;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the example source remembers of a watch: the best lap it last saw on each track.
 *
 * @param bestByTrack lap time in milliseconds by track; empty before the watch's baseline
 */
public record BestLapState(Map<String, Long> bestByTrack) {

  /** The state of a watch without a baseline. */
  public static final BestLapState EMPTY = new BestLapState(Map.of());

  public BestLapState {
    bestByTrack = Collections.unmodifiableMap(new TreeMap<>(bestByTrack));
  }

  /** Whether the watch has no baseline yet. */
  public boolean isEmpty() {
    return bestByTrack.isEmpty();
  }

  /** The same state with a track's best lap set. */
  public BestLapState with(String track, long millis) {
    Map<String, Long> next = new TreeMap<>(bestByTrack);
    next.put(track, millis);
    return new BestLapState(next);
  }
}
