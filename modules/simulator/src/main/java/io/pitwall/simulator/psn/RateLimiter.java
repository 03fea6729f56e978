package io.pitwall.simulator.psn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * PSN's rate limit as the doc reports it: a fixed number of requests per window for each
 * authenticating identity. The window opens at the identity's first request; past the limit,
 * requests are refused until it closes.
 */
public final class RateLimiter {

  private record Window(Instant start, int used) {}

  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final Map<String, Window> windows = new HashMap<>();

  /**
   * @param clock the simulator's clock
   * @param limit requests allowed per window
   * @param window length of a window
   */
  public RateLimiter(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  /**
   * Counts a request of {@code identity}.
   *
   * @return null when allowed, else the instant the identity may send again
   */
  public synchronized Instant tryAcquire(String identity) {
    Instant now = clock.instant();
    Window current = windows.get(identity);
    if (current == null || !now.isBefore(current.start().plus(window))) {
      current = new Window(now, 0);
    }
    if (current.used() >= limit) {
      windows.put(identity, current);
      return current.start().plus(window);
    }
    windows.put(identity, new Window(current.start(), current.used() + 1));
    return null;
  }
}
