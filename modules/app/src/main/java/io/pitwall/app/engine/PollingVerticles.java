package io.pitwall.app.engine;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.source.api.SourcePoller;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's polling verticles, one per source credential pool, and the messages the rest of the
 * engine sends them: watches added and removed (from the watches topic's reader thread, which does
 * not wait for them), partitions given up on a rebalance (which it waits for), budget shares, and
 * the scheduling rounds. Thread-safe: it only sends messages and reads {@link PollingViews}.
 */
final class PollingVerticles implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PollingVerticles.class);

  /** A release's answer is waited for patiently (see {@link #release}), not timed out by Vert.x. */
  private static final DeliveryOptions PATIENT =
      new DeliveryOptions(LocalCodec.LOCAL).setSendTimeout(TimeUnit.DAYS.toMillis(1));

  private static final long ANSWER_SECONDS = 30;
  private static final Duration ANSWER = Duration.ofSeconds(ANSWER_SECONDS);

  private final Vertx vertx;
  private final Map<String, PollingVerticle> verticles;
  private final List<String> deployments;

  private PollingVerticles(
      Vertx vertx, Map<String, PollingVerticle> verticles, List<String> deployments) {
    this.vertx = vertx;
    this.verticles = verticles;
    this.deployments = deployments;
  }

  /**
   * Deploys one verticle per source, each with its own scheduler over its source's credentials.
   *
   * @param pollers every credential's poller, by credential id ({@code <source>/<name>})
   */
  static PollingVerticles deploy(
      Vertx vertx,
      PitwallConfig config,
      Map<String, SourcePoller> pollers,
      PollingVerticle.Shared shared) {
    try {
      vertx.eventBus().registerCodec(new LocalCodec());
    } catch (IllegalStateException registeredBefore) {
      // one codec per Vert.x instance
    }
    Map<String, Map<String, SourcePoller>> pools = new LinkedHashMap<>();
    pollers.forEach(
        (id, poller) ->
            pools.computeIfAbsent(poller.source(), s -> new LinkedHashMap<>()).put(id, poller));
    Map<String, PollingVerticle> verticles = new LinkedHashMap<>();
    List<String> deployments = new ArrayList<>();
    pools.forEach(
        (source, pool) -> {
          WatchScheduler scheduler =
              WatchScheduler.of(config, pool, () -> shared.views().slots(source));
          PollingVerticle verticle = new PollingVerticle(source, pool, scheduler, shared);
          deployments.add(await(vertx.deployVerticle(verticle)));
          verticles.put(source, verticle);
        });
    return new PollingVerticles(vertx, Map.copyOf(verticles), deployments);
  }

  /** The sources that have a verticle. */
  Set<String> sources() {
    return verticles.keySet();
  }

  /** The context of a source's verticle, or null when it has none. */
  Context contextOf(String source) {
    PollingVerticle verticle = verticles.get(source);
    return verticle == null ? null : verticle.home();
  }

  /**
   * Hands a watch (added, or its definition changed) to its source's verticle, which polls it from
   * its next round. Does not wait: the watches topic's reader never blocks on a busy verticle, and
   * a whole assignment's watches reach the verticle as fast as the topic is read. The verticle
   * takes them in the order they were sent, before any later {@link #release}.
   *
   * @throws IllegalArgumentException when no source polls it
   */
  void upsert(WatchDefinition watch) {
    tell(watch.key().source(), new PollingVerticle.Upsert(watch));
  }

  /**
   * Stops polling a watch, without waiting (in order with the upserts sent before).
   *
   * @param why what the verticle logs when the watch was scheduled
   */
  void remove(WatchKey key, String why) {
    if (verticles.containsKey(key.source())) {
      tell(key.source(), new PollingVerticle.Remove(key, why));
    }
  }

  /**
   * Stops polling the watches of partitions given up, and waits until every verticle has (a
   * revocation must not finish while a verticle still polls them); returns their keys. A verticle
   * that does not answer within {@value #ANSWER_SECONDS} s is waited for again, with a warning each
   * time, rather than given up on: the rebalance then takes longer, and if the group moves on
   * without this instance, the fencing of its transactions keeps the next owner's data whole.
   */
  List<WatchKey> release(Set<Integer> partitions) {
    List<Future<Object>> answers = new ArrayList<>();
    for (String source : verticles.keySet()) {
      answers.add(
          vertx
              .eventBus()
              .request(
                  PollingVerticle.address(source),
                  new PollingVerticle.Release(Set.copyOf(partitions)),
                  PATIENT)
              .map(m -> m.body()));
    }
    List<WatchKey> leaving = new ArrayList<>();
    for (Future<Object> answer : answers) {
      @SuppressWarnings("unchecked")
      List<WatchKey> keys = (List<WatchKey>) awaitPatiently(answer, partitions);
      leaving.addAll(keys);
    }
    return leaving;
  }

  /**
   * The fleet's budget decision, each credential's part to its verticle.
   *
   * @param shares each credential's share, by credential id
   * @param pauses peers' pauses, by credential id
   */
  void budgets(Map<String, Double> shares, Map<String, Instant> pauses) {
    Map<String, Map<String, Double>> sharesBySource = new HashMap<>();
    shares.forEach(
        (id, share) ->
            sharesBySource.computeIfAbsent(sourceOf(id), s -> new HashMap<>()).put(id, share));
    Map<String, Map<String, Instant>> pausesBySource = new HashMap<>();
    pauses.forEach(
        (id, until) ->
            pausesBySource.computeIfAbsent(sourceOf(id), s -> new HashMap<>()).put(id, until));
    for (String source : verticles.keySet()) {
      Map<String, Double> s = sharesBySource.getOrDefault(source, Map.of());
      Map<String, Instant> p = pausesBySource.getOrDefault(source, Map.of());
      if (!s.isEmpty() || !p.isEmpty()) {
        vertx
            .eventBus()
            .send(
                PollingVerticle.address(source),
                new PollingVerticle.Budgets(Map.copyOf(s), Map.copyOf(p)),
                LocalCodec.LOCAL);
      }
    }
  }

  /** A scheduling round: each verticle that has no round waiting gets one. */
  void round(long number) {
    verticles.forEach(
        (source, verticle) -> {
          if (verticle.queueRound()) {
            vertx
                .eventBus()
                .send(
                    PollingVerticle.address(source),
                    new PollingVerticle.Round(number),
                    LocalCodec.LOCAL);
          }
        });
  }

  private void tell(String source, PollingVerticle.Command command) {
    if (!verticles.containsKey(source)) {
      throw new IllegalArgumentException("no source plugin polls " + source);
    }
    vertx.eventBus().send(PollingVerticle.address(source), command, LocalCodec.LOCAL);
  }

  /** Waits for a verticle's answer as long as it takes, warning every {@link #ANSWER}. */
  private static <T> T awaitPatiently(Future<T> future, Set<Integer> partitions) {
    CompletableFuture<T> answer = future.toCompletionStage().toCompletableFuture();
    long waited = 0;
    while (true) {
      try {
        return answer.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a polling verticle", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
      } catch (TimeoutException e) {
        waited += ANSWER.toSeconds();
        LOG.warn(
            "Partitions {} given up: a polling verticle has not stopped their watches after {} s;"
                + " still waiting",
            partitions,
            waited);
      }
    }
  }

  private static String sourceOf(String credentialId) {
    return credentialId.substring(0, credentialId.indexOf('/'));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a polling verticle", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("a polling verticle did not answer within " + ANSWER, e);
    }
  }

  /** Undeploys the verticles (polls in flight are dropped). */
  @Override
  public void close() {
    for (String id : deployments) {
      try {
        await(vertx.undeploy(id));
      } catch (RuntimeException e) {
        // closing anyway: Vert.x itself closes next
      }
    }
  }
}
