package io.pitwall.source.gridstats;

import io.pitwall.core.budget.TokenBucket;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.source.common.RequestListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The simulated gtgridstats API over real HTTP, and clients of it, for the client tests. */
final class GridstatsSimulator implements AutoCloseable {

  static final String FIRST = "first-key";
  static final String SECOND = "second-key";

  final GtWorld world = new GtWorld();
  final Simulator simulator;
  final Vertx vertx = Vertx.vertx();
  final WebClient http = WebClient.create(vertx);

  /** Names of unreadable quota headers, as the clients' listener heard them. */
  final List<String> unreadable = new CopyOnWriteArrayList<>();

  private final RequestListener listener =
      new RequestListener() {
        @Override
        public void onRequest(String endpoint, int status, Duration latency) {}

        @Override
        public void onQuotaHeadersUnreadable(String endpoint, List<String> headers) {
          unreadable.addAll(headers);
        }
      };

  /**
   * @param quota metered requests per key per hour
   */
  GridstatsSimulator(int quota) {
    world.addGridDriver("skino2024", "Skino", "A", "S", 35_000, true, Instant.now());
    simulator =
        Simulator.start(
            new PsnWorld(),
            PsnSimulatorConfig.defaults(),
            world,
            new GtSimulatorConfig(Set.of(FIRST, SECOND), quota, Duration.ofHours(1), Duration.ZERO),
            new SimClock());
  }

  /** A client of one key with a budget far above the quota (so that only hints can pace it). */
  GridstatsClient client(String key, TokenBucket budget, Duration timeout) {
    return new GridstatsClient(
        vertx,
        http,
        simulator.gridstatsBaseUrl(),
        key,
        budget,
        Clock.systemUTC(),
        timeout,
        listener);
  }

  static TokenBucket budget() {
    return new TokenBucket(Clock.systemUTC(), 100_000, Duration.ofDays(1));
  }

  /** Waits for a future (the test's thread is not an event loop). */
  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    simulator.close();
    vertx.close();
  }
}
