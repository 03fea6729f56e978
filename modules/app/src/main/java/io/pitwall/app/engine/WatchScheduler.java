package io.pitwall.app.engine;

import io.pitwall.app.config.WatchSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which watches are due: each watch is polled every interval, never twice at once. New watches are
 * due at once, staggered a little so that a start does not send every first poll in the same
 * instant. Thread-safe.
 */
final class WatchScheduler {

  private static final Duration STAGGER = Duration.ofMillis(200);

  private final Map<String, Instant> nextDue = new LinkedHashMap<>();
  private final Map<String, WatchSpec> watches = new LinkedHashMap<>();
  private final Map<String, Boolean> inFlight = new LinkedHashMap<>();

  synchronized void add(WatchSpec watch, Instant now) {
    String key = watch.key().toString();
    watches.put(key, watch);
    nextDue.put(key, now.plus(STAGGER.multipliedBy(watches.size() - 1L)));
  }

  /** The due watches, now marked in flight. */
  synchronized List<WatchSpec> takeDue(Instant now) {
    List<WatchSpec> due = new ArrayList<>();
    for (Map.Entry<String, Instant> e : nextDue.entrySet()) {
      if (!e.getValue().isAfter(now) && !inFlight.getOrDefault(e.getKey(), false)) {
        inFlight.put(e.getKey(), true);
        due.add(watches.get(e.getKey()));
      }
    }
    return due;
  }

  /** A poll finished; the watch is due again at {@code next}. */
  synchronized void done(WatchSpec watch, Instant next) {
    String key = watch.key().toString();
    inFlight.put(key, false);
    nextDue.put(key, next);
  }

  synchronized int size() {
    return watches.size();
  }
}
