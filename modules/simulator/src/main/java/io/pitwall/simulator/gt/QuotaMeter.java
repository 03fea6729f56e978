package io.pitwall.simulator.gt;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fixed quota windows per caller: how many requests each has left, and when its window resets. */
final class QuotaMeter {

  /**
   * One metered request's fate.
   *
   * @param refused whether the quota was spent (the answer is a 429)
   * @param remaining requests left in the window after this one
   * @param reset when the window starts afresh
   */
  record Decision(boolean refused, long remaining, Instant reset) {}

  private final Map<String, long[]> windows = new HashMap<>();

  /**
   * Counts a request of {@code caller} against {@code quota} per {@code window}.
   *
   * @param exhausted refuse this one as if the quota were spent, with a reset two seconds away
   */
  synchronized Decision take(
      String caller, int quota, Duration window, Instant at, boolean exhausted) {
    long now = at.getEpochSecond();
    long[] w = windows.computeIfAbsent(caller, k -> new long[] {now, 0});
    if (now >= w[0] + window.toSeconds()) {
      w[0] = now;
      w[1] = 0;
    }
    if (exhausted) {
      return new Decision(true, 0, Instant.ofEpochSecond(now + 2));
    }
    Instant reset = Instant.ofEpochSecond(w[0] + window.toSeconds());
    if (w[1] >= quota) {
      return new Decision(true, 0, reset);
    }
    w[1]++;
    return new Decision(false, quota - w[1], reset);
  }
}
