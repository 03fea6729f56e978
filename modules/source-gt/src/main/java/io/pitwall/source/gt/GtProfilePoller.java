package io.pitwall.source.gt;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.gt.DriverSnapshot;
import io.pitwall.gt.GtDiffer;
import io.pitwall.gt.GtWatchState;
import io.pitwall.gt.RatingPrecision;
import io.pitwall.gt.RatingScales;
import io.vertx.core.Future;
import java.util.List;

/** Polls one GT Sport profile (job 3 every poll) and diffs its ratings. */
public final class GtProfilePoller {

  private final GtProfileClient client;
  private final RatingScales scales;

  /**
   * @param client the profile client
   * @param scales number and point to letter mappings
   */
  public GtProfilePoller(GtProfileClient client, RatingScales scales) {
    this.client = client;
    this.scales = scales;
  }

  /**
   * One poll of a profile.
   *
   * @param diff the rating diff
   * @param manufacturerId the favourite manufacturer id, or null
   * @param rideCarId the current car id, or null
   */
  public record Poll(GtDiffer.Result diff, Integer manufacturerId, Integer rideCarId) {}

  /** Polls a profile. */
  public Future<Poll> poll(String userNo, GtWatchState prior) {
    return client
        .stats(userNo)
        .map(
            stats -> {
              String dr = scales.driverClass(stats.driverClass());
              if (dr == null) {
                throw new UpstreamException(
                    PollOutcome.UPSTREAM_ERROR,
                    "GT profile driver_class "
                        + stats.driverClass()
                        + " has no letter in the configured mapping",
                    null);
              }
              DriverSnapshot snapshot =
                  new DriverSnapshot(
                      dr,
                      stats.driverClass(),
                      stats.driverPoint(),
                      scales.safetyClass(stats.mannerPoint()),
                      stats.mannerPoint(),
                      RatingPrecision.POINTS);
              return new Poll(
                  GtDiffer.diff(prior, snapshot, List.of()),
                  stats.manufacturerId(),
                  stats.rideCarId());
            });
  }
}
