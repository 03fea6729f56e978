package io.pitwall.app.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-flight poll slots ({@code poll.concurrency}), shared out so that a source whose upstream
 * hangs, or a credential that waits, fills only its own share: each source with watches gets an
 * equal share (at least one slot), split evenly among its credentials with watches (at least one
 * each; remainders go to the earlier sources and credentials). A poll holds its slot until it ends,
 * answered or timed out. Not thread-safe: confined with its {@link WatchScheduler}.
 */
final class PollSlots {

  private final java.util.function.IntSupplier total;
  private final Map<String, Integer> watches = new HashMap<>();
  private final Map<String, Integer> inFlight = new HashMap<>();
  private final Map<String, String> sources = new HashMap<>();

  /**
   * @param total {@code poll.concurrency}
   */
  PollSlots(int total) {
    this(constant(total));
  }

  /**
   * @param total the slots to share out, asked at every decision (at least one)
   */
  PollSlots(java.util.function.IntSupplier total) {
    this.total = total;
  }

  private static java.util.function.IntSupplier constant(int total) {
    if (total < 1) {
      throw new IllegalArgumentException("at least one poll slot, not " + total);
    }
    return () -> total;
  }

  /** A watch was assigned to a credential (it now has demand for slots). */
  void assigned(String source, String credential) {
    sources.put(credential, source);
    watches.merge(credential, 1, Integer::sum);
  }

  /** A watch left a credential. */
  void unassigned(String credential) {
    watches.computeIfPresent(credential, (c, n) -> n <= 1 ? null : n - 1);
  }

  /** Takes a slot of the credential's share if one is free. */
  boolean tryAcquire(String source, String credential) {
    sources.putIfAbsent(credential, source);
    int used = inFlight.getOrDefault(credential, 0);
    if (used >= share(credential)) {
      return false;
    }
    inFlight.put(credential, used + 1);
    return true;
  }

  /** A poll of the credential ended. */
  void release(String credential) {
    inFlight.computeIfPresent(credential, (c, n) -> n <= 1 ? null : n - 1);
  }

  /** The credential's share of the slots now. */
  int share(String credential) {
    String source = sources.get(credential);
    if (source == null) {
      return 1; // never had a watch: one slot, never more
    }
    Map<String, List<String>> active = new TreeMap<>();
    for (String c : new TreeSet<>(watches.keySet())) {
      active.computeIfAbsent(sources.get(c), s -> new java.util.ArrayList<>()).add(c);
    }
    if (!active.containsKey(source) || !active.get(source).contains(credential)) {
      return 1; // no watch assigned (a batch of one just removed): one slot, never more
    }
    int sourceShare =
        split(
            Math.max(1, total.getAsInt()),
            List.copyOf(active.keySet()).indexOf(source),
            active.size());
    List<String> pool = active.get(source);
    return split(sourceShare, pool.indexOf(credential), pool.size());
  }

  /** Slots in flight for a credential. */
  int inFlight(String credential) {
    return inFlight.getOrDefault(credential, 0);
  }

  /** Part {@code index} of {@code amount} split in {@code parts}, remainder first, at least one. */
  private static int split(int amount, int index, int parts) {
    return Math.max(1, amount / parts + (index < amount % parts ? 1 : 0));
  }
}
