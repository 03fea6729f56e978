package io.pitwall.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The knobs of a run.
 *
 * @param seed the seed of the world, the activity and the fault plan
 * @param minutes how long faults are injected
 * @param unsafe run the engine with events and states in separate transactions
 * @param psnWatches PSN watches (the first two accounts are the credential pool)
 * @param gridWatches gtgridstats watches
 * @param gtWatches GT Sport profile watches
 * @param pollInterval the engine's {@code poll.interval}
 * @param work where logs and data go
 * @param instances engine instances sharing the watches through the consumer group
 */
public record ChaosOptions(
    long seed,
    double minutes,
    boolean unsafe,
    int psnWatches,
    int gridWatches,
    int gtWatches,
    Duration pollInterval,
    Path work,
    int instances) {

  public ChaosOptions {
    if (instances < 1) {
      throw new IllegalArgumentException("--instances must be at least 1, not " + instances);
    }
  }

  /** Every watch of the run. */
  public int watches() {
    return psnWatches + gridWatches + gtWatches;
  }
}
