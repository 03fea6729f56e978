package io.pitwall.core;

import java.time.Duration;
import java.util.List;

/**
 * A watch as operators define it (watches topic value or configuration).
 *
 * @param key source and account
 * @param label the operator's label, or null
 * @param enabled whether it is polled
 * @param credential the name of the credential to use
 * @param backfill PSN: emit earlier trophies on the baseline
 * @param series gtgridstats: series to follow
 * @param minInterval shortest time between polls, or null for the default
 * @param maxInterval longest time between polls (staleness bound), or null for the default
 */
public record WatchDefinition(
    WatchKey key,
    String label,
    boolean enabled,
    String credential,
    boolean backfill,
    List<String> series,
    Duration minInterval,
    Duration maxInterval) {

  public WatchDefinition {
    series = List.copyOf(series);
  }
}
