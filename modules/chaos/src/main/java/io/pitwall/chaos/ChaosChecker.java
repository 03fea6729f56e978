package io.pitwall.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares published events with the simulator's ground truth, per watched value (a trophy, a
 * driver's DR or SR class, a series round).
 *
 * <p>The truth of a value is its chain of states after the watch's baseline: {@code v0} (before the
 * first change) and each change's new state {@code v1..vn}. An engine diffs snapshots, so changes
 * that come and go between two of its polls (B to A and back while Kafka was down) legitimately
 * coalesce; what it must never do is skip a state it stored, publish one twice or make one up. So
 * the events of a value, in publish order, must form a chain that starts at {@code v0}, where each
 * event starts where the previous one ended, each new state is a later state of the truth, and the
 * last one reaches {@code vn}:
 *
 * <ul>
 *   <li><b>duplicated</b>: an event id seen before, or the same transition as the previous event;
 *   <li><b>lost</b>: an event that does not start where the chain stands (the step between was
 *       never published), and a value whose chain never reaches its final state;
 *   <li><b>false</b>: an event whose new state is no later state of the truth (including any event
 *       of a value that did not change after its baseline).
 * </ul>
 *
 * A trophy is a chain of one change ({@code unearned} to {@code earned}), so for trophies this is
 * exact matching. Pure: no I/O.
 */
public final class ChaosChecker {

  private ChaosChecker() {}

  /**
   * Checks {@code events} (in publish order per value) against {@code truth} (in the order the
   * changes happened, only those after each watch's baseline).
   */
  public static Verdict check(List<Change> truth, List<Change> events) {
    Map<String, List<Change>> truthByKey = group(truth);
    Map<String, List<Change>> eventsByKey = group(events);
    Set<String> keys = new java.util.TreeSet<>(truthByKey.keySet());
    keys.addAll(eventsByKey.keySet());
    Set<String> seenIds = new HashSet<>();
    Tally tally = new Tally();
    for (String key : keys) {
      checkValue(
          key,
          truthByKey.getOrDefault(key, List.of()),
          eventsByKey.getOrDefault(key, List.of()),
          seenIds,
          tally);
    }
    return new Verdict(
        truth.size(), tally.lost, tally.duplicated, tally.falseEvents, List.copyOf(tally.details));
  }

  private static void checkValue(
      String key, List<Change> truth, List<Change> events, Set<String> seenIds, Tally tally) {
    List<String> states = new ArrayList<>();
    if (!truth.isEmpty()) {
      states.add(truth.get(0).from());
      truth.forEach(c -> states.add(c.to()));
    }
    int position = 0;
    String current = states.isEmpty() ? null : states.get(0);
    Change previous = null;
    for (Change event : events) {
      if (event.eventId() != null && !seenIds.add(event.eventId())) {
        tally.duplicated(key + ": event id " + event.eventId() + " again (" + arrow(event) + ")");
        continue;
      }
      if (previous != null
          && Objects.equals(previous.from(), event.from())
          && Objects.equals(previous.to(), event.to())) {
        tally.duplicated(key + ": " + arrow(event) + " published twice in a row");
        continue;
      }
      previous = event;
      int next = indexAfter(states, position, event.to());
      if (next < 0) {
        tally.falseEvent(key + ": " + arrow(event) + " matches no change of the truth " + states);
        continue;
      }
      if (!Objects.equals(event.from(), current)) {
        tally.lost(key + ": " + current + " -> " + event.from() + " never published");
      }
      position = next;
      current = event.to();
    }
    if (!states.isEmpty() && !Objects.equals(current, states.get(states.size() - 1))) {
      tally.lost(
          key
              + ": final state "
              + states.get(states.size() - 1)
              + " never published (events reached "
              + current
              + "; truth "
              + states
              + ", events "
              + events.stream().map(ChaosChecker::arrow).toList()
              + ")");
    }
  }

  private static int indexAfter(List<String> states, int position, String state) {
    for (int i = position + 1; i < states.size(); i++) {
      if (Objects.equals(states.get(i), state)) {
        return i;
      }
    }
    return -1;
  }

  private static String arrow(Change change) {
    return change.from() + " -> " + change.to();
  }

  private static Map<String, List<Change>> group(List<Change> changes) {
    Map<String, List<Change>> byKey = new LinkedHashMap<>();
    changes.forEach(c -> byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
    return byKey;
  }

  private static final class Tally {
    private int lost;
    private int duplicated;
    private int falseEvents;
    private final List<String> details = new ArrayList<>();

    void lost(String detail) {
      lost++;
      details.add("lost: " + detail);
    }

    void duplicated(String detail) {
      duplicated++;
      details.add("duplicated: " + detail);
    }

    void falseEvent(String detail) {
      falseEvents++;
      details.add("false: " + detail);
    }
  }
}
