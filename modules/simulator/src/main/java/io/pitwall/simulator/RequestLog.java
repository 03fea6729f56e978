package io.pitwall.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every request the simulator answered, in order; tests read it to count upstream calls. */
public final class RequestLog {

  /**
   * One answered request.
   *
   * @param at when it was answered (simulator clock)
   * @param upstream which API it addressed: psn-auth, psn
   * @param method HTTP method
   * @param path path without query
   * @param query raw query string, or empty
   * @param identity the account the bearer token belongs to, or null
   * @param status the HTTP status answered
   */
  public record Entry(
      Instant at,
      String upstream,
      String method,
      String path,
      String query,
      String identity,
      int status) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Appends an entry. */
  public synchronized void add(Entry entry) {
    entries.add(entry);
  }

  /** A copy of all entries so far. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The entries matching {@code filter}. */
  public synchronized List<Entry> matching(Predicate<Entry> filter) {
    return entries.stream().filter(filter).toList();
  }

  /** Forgets all entries (between test phases). */
  public synchronized void clear() {
    entries.clear();
  }
}
