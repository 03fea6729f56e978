package io.pitwall.app.engine;

import io.pitwall.core.budget.FleetShares;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.kafka.fleet.FleetTopic;
import io.pitwall.source.api.SourcePoller;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits every credential's budget across the fleet: each instance spends the share of a
 * credential's budget that its watches of that credential are of all the fleet's (counts per
 * partition in the fleet topic, each written by the partition's owner), and a server's 429 pause of
 * a credential reaches every instance through the same topic. Buckets start with no share, so an
 * instance never spends a full bucket it was not given; a share that grows refills at the new rate.
 * Runs every {@link #EVERY} on its own thread, reading the polling verticles' views and sending
 * them the shares and pauses as messages (a bucket is only ever touched by its own verticle).
 */
final class FleetBudgets implements AutoCloseable {

  /** How often counts are written and shares recomputed. */
  static final Duration EVERY = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(FleetBudgets.class);
  private static final String WATCHES = "watches/";
  private static final String PAUSE = "pause/";

  private final FleetTopic fleet;
  private final Map<String, SourcePoller> pollers;
  private final PollingViews views;
  private PollingVerticles verticles;
  private final Supplier<Set<Integer>> owned;
  private final int partitions;
  private final Map<String, Integer> written = new HashMap<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pitwall-fleet-budgets"));

  FleetBudgets(
      FleetTopic fleet,
      Map<String, SourcePoller> pollers,
      PollingViews views,
      Supplier<Set<Integer>> owned,
      int partitions) {
    this.fleet = fleet;
    this.pollers = Map.copyOf(pollers);
    this.views = views;
    this.owned = owned;
    this.partitions = partitions;
    this.pollers.forEach(
        (credential, poller) -> {
          TokenBucket budget = poller.budget();
          budget.share(0);
          // told on the verticle's context: the fleet topic's send may block, so not there
          budget.onPause(
              until -> thread.execute(() -> fleet.put(PAUSE + credential, until.toString())));
        });
  }

  /**
   * Starts sharing: from now on every {@link #EVERY} the shares go to the verticles. Buckets start
   * with no share (set before the verticles were deployed, so on the deploying thread).
   */
  void start(PollingVerticles verticles) {
    this.verticles = verticles;
    thread.scheduleWithFixedDelay(this::safely, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void safely() {
    try {
      update();
    } catch (RuntimeException e) {
      LOG.warn("Could not update the fleet's budget shares: {}", e.toString());
    }
  }

  /** Writes this instance's counts where they changed, then applies shares and peers' pauses. */
  void update() {
    Set<Integer> mine = owned.get();
    Map<String, Map<Integer, Integer>> counts = views.credentialCounts();
    for (String credential : pollers.keySet()) {
      Map<Integer, Integer> own = counts.getOrDefault(credential, Map.of());
      for (int partition : mine) {
        String key = WATCHES + credential + "/" + partition;
        int count = own.getOrDefault(partition, 0);
        Integer before = written.get(key);
        if (before == null || before != count) {
          fleet.put(key, Integer.toString(count));
          written.put(key, count);
        }
      }
    }
    written.keySet().removeIf(k -> !mine.contains(partitionOf(k)));
    Map<String, String> table = fleet.snapshot();
    Map<String, Double> shares = new HashMap<>();
    Map<String, Instant> pauses = new HashMap<>();
    for (String credential : pollers.keySet()) {
      shares.put(credential, FleetShares.share(countsOf(table, credential), mine, partitions));
      Instant until = pauseOf(table.get(PAUSE + credential));
      if (until != null) {
        pauses.put(credential, until);
      }
    }
    verticles.budgets(shares, pauses);
  }

  private static int partitionOf(String key) {
    return Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
  }

  private static Map<Integer, Integer> countsOf(Map<String, String> table, String credential) {
    String prefix = WATCHES + credential + "/";
    Map<Integer, Integer> counts = new HashMap<>();
    table.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            try {
              counts.put(Integer.parseInt(key.substring(prefix.length())), Integer.parseInt(value));
            } catch (NumberFormatException ignored) {
              // a record this version cannot read counts for nothing
            }
          }
        });
    return counts;
  }

  private static Instant pauseOf(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    fleet.close();
  }
}
