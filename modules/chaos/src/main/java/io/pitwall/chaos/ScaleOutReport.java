package io.pitwall.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scale-out benchmark's line: per fleet size the polls per second and the CPU use, and the
 * takeover times over every kill as p50 and p99. Percentiles are nearest-rank (the smallest
 * measured value with at least p % of the values at or below it), so every figure printed is one
 * that was measured. Pure: no I/O.
 */
public final class ScaleOutReport {

  /**
   * What one fleet size measured.
   *
   * @param instances engine instances running
   * @param pollsPerSecond polls per second, summed over the instances
   * @param engineCores CPU use of the engine processes together, in cores (1.0 = one core busy)
   * @param machineCores CPU use of the whole machine in the same window, in cores
   */
  public record Step(
      int instances, double pollsPerSecond, double engineCores, double machineCores) {
    public Step {
      if (instances < 1) {
        throw new IllegalArgumentException("instances must be at least 1, not " + instances);
      }
    }
  }

  private final List<Step> steps = new ArrayList<>();
  private final List<Double> takeovers = new ArrayList<>();

  /** Adds a fleet size's figures (in the order they are to be printed). */
  public void add(Step step) {
    steps.add(step);
  }

  /** Adds a takeover: from the kill until every watch of the killed instance was polled again. */
  public void takeover(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a takeover cannot take " + duration);
    }
    takeovers.add(duration.toMillis() / 1000.0);
  }

  /** The takeovers measured so far, in seconds. */
  public List<Double> takeovers() {
    return List.copyOf(takeovers);
  }

  /**
   * The nearest-rank percentile of {@code values}.
   *
   * @param percent between 0 (exclusive) and 100
   * @throws IllegalArgumentException when there are no values or the percent is out of range
   */
  public static double percentile(List<Double> values, double percent) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to take a percentile of");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], not " + percent);
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /**
   * The line, e.g. {@code scale-out: instances=1,2,3 polls-per-s=95.2,180.4,240.1
   * takeover-p50-s=11.2 takeover-p99-s=14.9 cpu=0.71/1.80,1.20/1.95,1.50/1.99}: {@code cpu} is, per
   * fleet size, the engines' cores / the machine's busy cores. Takeovers print {@code -} when no
   * instance was killed (a run of one instance only).
   */
  public String line() {
    if (steps.isEmpty()) {
      throw new IllegalStateException("no fleet size was measured");
    }
    String p50 = takeovers.isEmpty() ? "-" : one(percentile(takeovers, 50));
    String p99 = takeovers.isEmpty() ? "-" : one(percentile(takeovers, 99));
    return "scale-out: instances="
        + join(s -> Integer.toString(s.instances()))
        + " polls-per-s="
        + join(s -> one(s.pollsPerSecond()))
        + " takeover-p50-s="
        + p50
        + " takeover-p99-s="
        + p99
        + " cpu="
        + join(s -> two(s.engineCores()) + "/" + two(s.machineCores()));
  }

  private String join(java.util.function.Function<Step, String> field) {
    return steps.stream().map(field).collect(Collectors.joining(","));
  }

  private static String one(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String two(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
