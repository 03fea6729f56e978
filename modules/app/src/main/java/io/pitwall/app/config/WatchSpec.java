package io.pitwall.app.config;

import io.pitwall.core.Source;
import io.pitwall.core.WatchKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A watched account, from configuration ({@code watch.N = <source>:<accountId> [label=...]
 * [backfill=true] [series=<id>,<id>] [credential=<name>] [minInterval=PT1M] [maxInterval=PT1H]}) or
 * from the watches topic.
 *
 * @param key the watch key
 * @param label the operator's label, or null
 * @param backfill PSN: whether the first poll emits every earlier trophy (in earned order) instead
 *     of taking a silent baseline
 * @param series gtgridstats: the series whose rounds to follow
 * @param credential the credential name to use, or null to be spread over the source's pool
 * @param minInterval shortest time between its polls, or null for {@code poll.interval}
 * @param maxInterval its staleness bound, or null for {@code poll.max.interval}
 */
public record WatchSpec(
    WatchKey key,
    String label,
    boolean backfill,
    List<String> series,
    String credential,
    Duration minInterval,
    Duration maxInterval) {

  public WatchSpec {
    series = List.copyOf(series);
  }

  /** A watch on the default schedule and credential pool. */
  public WatchSpec(WatchKey key, String label, boolean backfill, List<String> series) {
    this(key, label, backfill, series, null, null, null);
  }

  /** The watch a watches-topic definition describes. */
  public static WatchSpec of(io.pitwall.core.WatchDefinition d) {
    return new WatchSpec(
        d.key(),
        d.label(),
        d.backfill(),
        d.series(),
        d.credential(),
        d.minInterval(),
        d.maxInterval());
  }

  /**
   * Parses a watch value.
   *
   * @throws IllegalArgumentException with the reason
   */
  public static WatchSpec parse(String text) {
    String[] parts = text.trim().split("\\s+");
    WatchKey key = WatchKey.parse(parts[0]);
    String problem = io.pitwall.core.AccountIds.problem(key.source(), key.accountId());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    String label = null;
    boolean backfill = false;
    String credential = null;
    Duration min = null;
    Duration max = null;
    List<String> series = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("label=") && part.length() > 6) {
        label = part.substring(6);
      } else if (part.startsWith("credential=")) {
        credential = part.substring("credential=".length());
        if (!credential.matches("[a-z0-9]{1,32}")) {
          throw new IllegalArgumentException(
              "credential '" + credential + "' must be 1 to 32 letters a-z and digits");
        }
      } else if (part.startsWith("minInterval=")) {
        min = interval(part.substring("minInterval=".length()));
      } else if (part.startsWith("maxInterval=")) {
        max = interval(part.substring("maxInterval=".length()));
      } else if (key.source() == Source.PSN
          && (part.equals("backfill=true") || part.equals("backfill=false"))) {
        backfill = part.endsWith("true");
      } else if (key.source() == Source.GRIDSTATS && part.startsWith("series=")) {
        for (String s : part.substring(7).split(",")) {
          if (!s.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("series id '" + s + "' must be a number");
          }
          series.add(s);
        }
      } else {
        throw new IllegalArgumentException(
            "unknown option '"
                + part
                + "' for a "
                + key.source().id()
                + " watch (use label=..."
                + (key.source() == Source.PSN ? ", backfill=true|false" : "")
                + (key.source() == Source.GRIDSTATS ? ", series=<id>,<id>" : "")
                + ", credential=<name>, minInterval=, maxInterval=)");
      }
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("minInterval " + min + " exceeds maxInterval " + max);
    }
    return new WatchSpec(key, label, backfill, series, credential, min, max);
  }

  private static Duration interval(String text) {
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("interval " + text + " must be positive");
      }
      return d;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "interval '" + text + "' is not an ISO-8601 duration such as PT1M");
    }
  }
}
