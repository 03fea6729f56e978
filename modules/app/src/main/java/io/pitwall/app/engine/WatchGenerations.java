package io.pitwall.app.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * How many times each watch was removed: a poll remembers the generations of its watches when it
 * starts, and its results are published only for watches still in that generation, so that a
 * tombstone arriving while a poll is in flight is never undone by the poll's state. Thread-safe.
 */
final class WatchGenerations {

  private final Map<String, Long> removals = new ConcurrentHashMap<>();

  /** A watch was removed: polls that started before are stale for it. */
  void removed(String key) {
    removals.merge(key, 1L, Long::sum);
  }

  /** The current generations of some watches, taken when their poll starts. */
  Map<String, Long> snapshot(List<String> keys) {
    Map<String, Long> snapshot = new HashMap<>();
    keys.forEach(k -> snapshot.put(k, removals.getOrDefault(k, 0L)));
    return snapshot;
  }

  /** Whether a watch is still in the generation a snapshot saw (keys not in it are current). */
  Predicate<String> current(Map<String, Long> snapshot) {
    return key -> {
      Long seen = snapshot.get(key);
      return seen == null || seen.equals(removals.getOrDefault(key, 0L));
    };
  }
}
