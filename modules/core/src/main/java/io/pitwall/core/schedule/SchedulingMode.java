package io.pitwall.core.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the scheduler chooses which due watch gets the next token. */
public enum SchedulingMode {
  /**
   * Spend tokens where a change is most likely: any watch whose staleness bound is at risk
   * (earliest deadline first), then never-polled watches, then the highest expected backlog of
   * undetected changes (recent activity, decaying), chosen from an index kept up to date as watches
   * are dispatched and reported ({@link CredentialIndex}), so that a decision costs O(log n) in the
   * credential's watches: the same order as {@link #ADAPTIVE_EXACT}, except that a backlog pick is
   * within {@link BacklogBuckets#RATIO} of the best one and the budget pace that decides which
   * deadlines are at risk is rounded towards caution by at most {@link DeadlineTree#PACE_SLACK}
   * squared.
   */
  ADAPTIVE("adaptive"),
  /**
   * The same order as {@link #ADAPTIVE}, ranked exactly by evaluating every eligible watch in every
   * round (linear in the credential's watches): the reference the index is compared with.
   */
  ADAPTIVE_EXACT("adaptive-exact"),
  /** The baseline every fixed-interval tracker implements: least recently polled first. */
  ROUND_ROBIN("round-robin");

  private final String id;

  SchedulingMode(String id) {
    this.id = id;
  }

  /** The configuration name ({@code adaptive}, {@code adaptive-exact}, {@code round-robin}). */
  public String id() {
    return id;
  }

  /** Whether the mode ranks from the per-credential index rather than by a scan of its watches. */
  boolean indexed() {
    return this == ADAPTIVE;
  }

  /** The mode of a configuration name. */
  public static SchedulingMode of(String id) {
    return Arrays.stream(values())
        .filter(m -> m.id.equals(id.trim().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "not a scheduling mode ("
                        + Arrays.stream(values())
                            .map(SchedulingMode::id)
                            .collect(Collectors.joining(", "))
                        + ")"));
  }
}
