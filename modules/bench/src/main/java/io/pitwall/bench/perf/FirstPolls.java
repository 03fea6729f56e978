package io.pitwall.bench.perf;

import io.pitwall.kafka.watches.WatchPartitioner;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each partition of the watches topic was first polled: the first upstream request (as the
 * simulator logged it) for an account whose watch ({@code psn:<accountId>}) lives on that
 * partition. Requests of the signed-in identity ({@code users/me}) and of the authorisation
 * endpoints name no watch and are not counted.
 */
final class FirstPolls {

  private static final Pattern USER = Pattern.compile("/users/([^/]+)/");

  private final int partitions;
  private final Instant start;
  private final Map<Integer, Instant> first = new TreeMap<>();
  private final Set<String> polled = new HashSet<>();
  private long requests;

  /**
   * @param partitions the watches topic's partition count
   * @param start when the engine was started
   */
  FirstPolls(int partitions, Instant start) {
    this.partitions = partitions;
    this.start = start;
  }

  /** The watch key a PSN request path polls, or null when it names none. */
  static String watchKey(String path) {
    Matcher m = USER.matcher(path);
    if (!m.find() || m.group(1).equals("me")) {
      return null;
    }
    return "psn:" + m.group(1);
  }

  /** Notes a request answered at {@code at}; returns whether it was its partition's first poll. */
  boolean request(String path, Instant at) {
    String key = watchKey(path);
    if (key == null || complete()) {
      return false;
    }
    requests++;
    polled.add(key);
    return first.putIfAbsent(WatchPartitioner.partition(key, partitions), at) == null;
  }

  /** Whether every partition was polled. */
  boolean complete() {
    return first.size() == partitions;
  }

  /** How many partitions were polled. */
  int polled() {
    return first.size();
  }

  /** The watch requests noted until every partition was polled (all noted, when not yet). */
  long requests() {
    return requests;
  }

  /** How many distinct watches were polled (until every partition was). */
  int watchesPolled() {
    return polled.size();
  }

  /**
   * Where each partition's first watch stands in a catch-up order: for the partitions of the
   * watches in the order they are polled, the number of watches polled before each partition's
   * first one.
   */
  static Map<Integer, Integer> firstRanks(List<Integer> partitionsInOrder) {
    Map<Integer, Integer> ranks = new TreeMap<>();
    for (int i = 0; i < partitionsInOrder.size(); i++) {
      ranks.putIfAbsent(partitionsInOrder.get(i), i);
    }
    return ranks;
  }

  /** From the start to the first poll of the partition polled first. */
  Duration firstPoll() {
    return first.values().stream()
        .min(Instant::compareTo)
        .map(at -> Duration.between(start, at))
        .orElseThrow(() -> new IllegalStateException("no partition was polled"));
  }

  /** From the start to the last partition's first poll. */
  Duration lastPartition() {
    if (!complete()) {
      throw new IllegalStateException(
          "only " + first.size() + " of " + partitions + " partitions were polled");
    }
    return first.values().stream()
        .max(Instant::compareTo)
        .map(at -> Duration.between(start, at))
        .orElseThrow();
  }
}
