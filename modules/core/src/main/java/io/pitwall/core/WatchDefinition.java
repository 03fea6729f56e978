package io.pitwall.core;

import java.time.Duration;

/**
 * A watched account as operators define it, in configuration ({@code watch.N = <source>:<accountId>
 * [label=...] [credential=<name>] [minInterval=PT1M] [maxInterval=PT1H] [source options]}) or on
 * the watches topic. Both forms are read by the one {@link WatchParser}.
 *
 * @param key source and account
 * @param label the operator's label, or null
 * @param enabled whether it is polled
 * @param credential the credential name to use, or null to be spread over the source's pool
 * @param options the source's own options (PSN: {@code backfill}; gtgridstats: {@code series})
 * @param minInterval shortest time between its polls, or null for {@code poll.interval}
 * @param maxInterval its staleness bound, or null for {@code poll.max.interval}
 */
public record WatchDefinition(
    WatchKey key,
    String label,
    boolean enabled,
    String credential,
    WatchOptions options,
    Duration minInterval,
    Duration maxInterval) {

  public WatchDefinition {
    options = options == null ? WatchOptions.NONE : options;
  }

  /** An enabled watch on the default schedule and credential pool. */
  public WatchDefinition(WatchKey key, String label, WatchOptions options) {
    this(key, label, true, null, options, null, null);
  }
}
