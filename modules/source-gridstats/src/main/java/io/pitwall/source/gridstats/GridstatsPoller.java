package io.pitwall.source.gridstats;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.gt.DriverSnapshot;
import io.pitwall.gt.GtDiffer;
import io.pitwall.gt.GtWatchState;
import io.pitwall.gt.RatingPrecision;
import io.pitwall.gt.SeriesStanding;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Polls a batch of up to 16 gtgridstats watches: one racers request for the whole batch, then one
 * series request per series the batch's watches follow (naming only the drivers that follow it). A
 * driver in {@code not_found} gets {@link PollOutcome#NOT_FOUND} and no event.
 */
public final class GridstatsPoller {

  /**
   * One watch of a batch.
   *
   * @param psnId the driver
   * @param seriesIds series the watch follows
   * @param prior its state
   */
  public record Watch(String psnId, List<String> seriesIds, GtWatchState prior) {}

  /**
   * One watch's result: either a diff or a failure outcome.
   *
   * @param diff the diff, or null on failure
   * @param failure the failure, or null
   */
  public record Outcome(GtDiffer.Result diff, UpstreamException failure) {}

  private final GridstatsClient client;

  /**
   * @param client the key's client
   */
  public GridstatsPoller(GridstatsClient client) {
    this.client = client;
  }

  /** Polls a batch; the future fails only when the batch as a whole failed (e.g. a 429). */
  public Future<Map<String, Outcome>> poll(List<Watch> batch) {
    List<String> ids = batch.stream().map(Watch::psnId).toList();
    return client
        .racers(ids)
        .compose(
            racers -> {
              Map<String, List<String>> followers = new LinkedHashMap<>();
              for (Watch w : batch) {
                if (racers.drivers().containsKey(w.psnId())) {
                  w.seriesIds()
                      .forEach(
                          s -> followers.computeIfAbsent(s, k -> new ArrayList<>()).add(w.psnId()));
                }
              }
              Map<String, List<SeriesStanding>> standings = new HashMap<>();
              Future<Void> chain = Future.succeededFuture();
              for (Map.Entry<String, List<String>> e : followers.entrySet()) {
                chain =
                    chain.compose(
                        v ->
                            client
                                .series(e.getKey(), e.getValue())
                                .map(
                                    list -> {
                                      for (SeriesStanding s : list) {
                                        String[] parts = s.seriesId().split("\\|", 2);
                                        standings
                                            .computeIfAbsent(parts[1], k -> new ArrayList<>())
                                            .add(
                                                new SeriesStanding(
                                                    parts[0],
                                                    s.seriesType(),
                                                    s.seasonRank(),
                                                    s.totalPoints(),
                                                    s.rounds()));
                                      }
                                      return null;
                                    }));
              }
              return chain.map(
                  v -> {
                    Map<String, Outcome> outcomes = new LinkedHashMap<>();
                    Set<String> missing = new TreeSet<>(racers.notFound());
                    for (Watch w : batch) {
                      GridstatsClient.Racer racer = racers.drivers().get(w.psnId());
                      if (racer == null || missing.contains(w.psnId())) {
                        outcomes.put(
                            w.psnId(),
                            new Outcome(
                                null,
                                new UpstreamException(
                                    PollOutcome.NOT_FOUND,
                                    "gtgridstats does not know driver "
                                        + w.psnId()
                                        + " (not_found)",
                                    null)));
                        continue;
                      }
                      DriverSnapshot snapshot =
                          new DriverSnapshot(
                              racer.dr(),
                              null,
                              racer.drPoints(),
                              racer.sr(),
                              null,
                              RatingPrecision.POINTS);
                      outcomes.put(
                          w.psnId(),
                          new Outcome(
                              GtDiffer.diff(
                                  w.prior(),
                                  snapshot,
                                  standings.getOrDefault(w.psnId(), List.of())),
                              null));
                    }
                    return outcomes;
                  });
            });
  }
}
