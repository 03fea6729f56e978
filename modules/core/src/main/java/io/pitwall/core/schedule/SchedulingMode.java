package io.pitwall.core.schedule;

import java.util.Arrays;
import java.util.Locale;

/** How the scheduler chooses which due watch gets the next token. */
public enum SchedulingMode {
  /**
   * Spend tokens where a change is most likely: never-polled watches first, then any watch whose
   * staleness bound is at risk (earliest deadline first), then the highest expected backlog of
   * undetected changes (recent activity, decaying).
   */
  ADAPTIVE("adaptive"),
  /** The baseline every fixed-interval tracker implements: least recently polled first. */
  ROUND_ROBIN("round-robin");

  private final String id;

  SchedulingMode(String id) {
    this.id = id;
  }

  /** The configuration name ({@code adaptive}, {@code round-robin}). */
  public String id() {
    return id;
  }

  /** The mode of a configuration name. */
  public static SchedulingMode of(String id) {
    return Arrays.stream(values())
        .filter(m -> m.id.equals(id.trim().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("not a scheduling mode (adaptive, round-robin)"));
  }
}
