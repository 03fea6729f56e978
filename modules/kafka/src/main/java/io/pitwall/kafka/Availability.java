package io.pitwall.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a dependency (Kafka, the schema registry) is reachable, as several observers see it (the
 * publisher, a probe): it is up while no observer reports it down. Logs one WARN when it goes down
 * and one INFO, with the outage's length, when it is back, instead of a line per failed call.
 * Thread-safe; {@link #isUp} takes no lock (the polling verticles ask it every round).
 */
public final class Availability {

  private static final Logger LOG = LoggerFactory.getLogger(Availability.class);

  private final String name;
  private final Clock clock;
  private final Map<String, String> down = new LinkedHashMap<>();
  private Instant downSince;
  private long outages;
  private volatile boolean up = true;

  /**
   * @param name the dependency's name for logs, e.g. "Kafka"
   * @param clock the time source of the outage's length
   */
  public Availability(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  /** An observer saw the dependency fail; the first such report of an outage logs a WARN. */
  public synchronized void down(String observer, String reason) {
    boolean wasUp = down.isEmpty();
    down.put(observer, reason);
    up = false;
    if (wasUp) {
      downSince = clock.instant();
      outages++;
      LOG.warn(
          "{} unavailable ({}: {}); publishing and polling pause until it is back",
          name,
          observer,
          reason);
    }
  }

  /** An observer saw the dependency work; when no observer still sees it down, logs an INFO. */
  public synchronized void up(String observer) {
    if (down.remove(observer) != null && down.isEmpty()) {
      up = true;
      LOG.info(
          "{} available again after {} s",
          name,
          Duration.between(downSince, clock.instant()).toSeconds());
      downSince = null;
    }
  }

  /** Whether no observer sees the dependency down. */
  public boolean isUp() {
    return up;
  }

  /** Since when it is down, or null while it is up. */
  public synchronized Instant downSince() {
    return downSince;
  }

  /** What the observers report while it is down (observer: reason), empty while it is up. */
  public synchronized Map<String, String> reasons() {
    return Map.copyOf(down);
  }

  /** How many outages began since start. */
  public synchronized long outages() {
    return outages;
  }
}
