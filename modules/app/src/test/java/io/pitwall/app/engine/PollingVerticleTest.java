package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.core.WatchOptions;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.schedule.PollScheduler;
import io.pitwall.core.schedule.SchedulingMode;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.WatchResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A polling verticle owns its scheduler, pollers and buckets: every poll starts on its context, and
 * the rest of the engine changes its watches and budgets only by messages, answered from that
 * context.
 */
class PollingVerticleTest {

  private static final int PARTITIONS = 12;

  private final Vertx vertx = Vertx.vertx();
  private final Clock clock = Clock.systemUTC();
  private final TokenBucket budget = new TokenBucket(clock, 1000, Duration.ofMinutes(1));
  private final RecordingPoller poller = new RecordingPoller(budget);
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final WatchGenerations generations = new WatchGenerations();
  private final PollingViews views = new PollingViews(4);
  private PollingVerticles verticles;

  @AfterEach
  void close() {
    if (verticles != null) {
      verticles.close();
    }
    vertx.close().await();
  }

  @Test
  void shouldStartEveryPollOnTheVerticlesOwnContext() {
    verticles = deploy();
    verticles.upsert(watch("psn:1"));
    verticles.upsert(watch("psn:2"));

    verticles.round(0);

    await().atMost(Duration.ofSeconds(10)).until(() -> poller.contexts.size() == 2);
    Context home = verticles.contextOf("psn");
    assertThat(home).isNotNull();
    assertThat(poller.contexts.stream().map(SharedServices::root)).containsOnly(home);
    assertThat(poller.threads).allMatch(t -> t.startsWith("vert.x-eventloop-thread"));
  }

  @Test
  void shouldPollNothingWhileTheGateIsClosedAndPublishItsViewAnyway() {
    verticles = deploy();
    open.set(false);
    verticles.upsert(watch("psn:1"));

    verticles.round(0);

    await().atMost(Duration.ofSeconds(10)).until(() -> views.keys("psn").equals(List.of("psn:1")));
    assertThat(poller.contexts).isEmpty();
    assertThat(views.size()).isEqualTo(1);
    assertThat(views.credentialCounts()).containsOnlyKeys("psn/default");
  }

  @Test
  void shouldStopTheWatchesOfPartitionsGivenUpAndMakeTheirPollsStale() {
    verticles = deploy();
    WatchKey first = WatchKey.parse("psn:1");
    int partition = partitionOf(first);
    String other = null;
    for (int i = 2; other == null; i++) {
      if (partitionOf(WatchKey.parse("psn:" + i)) != partition) {
        other = "psn:" + i;
      }
    }
    verticles.upsert(watch("psn:1"));
    verticles.upsert(watch(other));
    var generation = generations.snapshot(List.of("psn:1"));

    List<WatchKey> leaving = verticles.release(Set.of(partition));

    assertThat(leaving).containsExactly(first);
    assertThat(generations.current(generation).test("psn:1"))
        .as("a poll of it in flight is stale")
        .isFalse();
    verticles.remove(WatchKey.parse(other), "removed by the test");
    verticles.round(0);
    await().atMost(Duration.ofSeconds(10)).until(() -> views.keys("psn").isEmpty());
  }

  /**
   * The watches topic's reader hands watches over without waiting: a verticle stuck on its context
   * (a long round, a long GC pause) must not stop the reader, which before waited up to 30 s for
   * each answer and then stopped the engine. The watches it was handed meanwhile are all taken, in
   * order, once it runs again.
   */
  @Test
  void shouldTakeWatchesWithoutWaitingWhileTheVerticleIsStuck() throws Exception {
    verticles = deploy();
    java.util.concurrent.CountDownLatch stuck = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch blocking = new java.util.concurrent.CountDownLatch(1);
    verticles
        .contextOf("psn")
        .runOnContext(
            v -> {
              blocking.countDown();
              try {
                stuck.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertThat(blocking.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 1; i <= 1000; i++) {
            verticles.upsert(watch("psn:" + i));
          }
          verticles.remove(WatchKey.parse("psn:1"), "removed by the test");
        },
        "upserts and removals while the verticle is stuck");
    assertThat(views.size()).as("nothing taken yet: the verticle is stuck").isZero();

    stuck.countDown();
    verticles.round(0);
    await().atMost(Duration.ofSeconds(10)).until(() -> views.size() == 999);
    assertThat(views.keys("psn")).doesNotContain("psn:1").contains("psn:2", "psn:1000");
  }

  @Test
  void shouldApplyTheFleetsShareToTheBucketOnItsContext() {
    verticles = deploy();
    verticles.budgets(Map.of("psn/default", 0.0), Map.of());
    verticles.round(0);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> views.budget("psn/default").available() == 0);
    verticles.budgets(Map.of(), Map.of("psn/default", Instant.now().plusSeconds(60)));
    verticles.round(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> views.budget("psn/default").pausedUntil() != null);
  }

  @Test
  void shouldRefuseAWatchOfASourceWithoutAVerticle() {
    verticles = deploy();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> verticles.upsert(watch("gt:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gt");
  }

  private PollingVerticles deploy() {
    PitwallMetrics metrics = new PitwallMetrics();
    PollScheduler core =
        new PollScheduler(SchedulingMode.ROUND_ROBIN, Duration.ofMillis(1), Duration.ofHours(1));
    var config =
        io.pitwall.app.config.PitwallConfig.of(
            Map.of(
                "kafka.bootstrap.servers", "localhost:9",
                "schema.registry.url", "http://localhost:9"));
    assertThat(core.size()).isZero();
    return PollingVerticles.deploy(
        vertx,
        config,
        Map.of("psn/default", poller),
        new PollingVerticle.Shared(
            new ResultPublisher(
                null, metrics, new Availability("registry", clock), new StateSizeLimit(1 << 20)),
            new WatchStatuses(null, KafkaStateStore.empty(), metrics, clock, "test."),
            metrics,
            generations,
            views,
            clock,
            open::get,
            new AtomicInteger(),
            () -> {},
            PollingVerticleTest::partitionOf));
  }

  private static int partitionOf(WatchKey key) {
    return io.pitwall.kafka.watches.WatchPartitioner.partition(key.toString(), PARTITIONS);
  }

  private static WatchDefinition watch(String key) {
    return new WatchDefinition(WatchKey.parse(key), null, WatchOptions.NONE);
  }

  /** Records where each poll started; its polls never end (their slots stay taken). */
  private static final class RecordingPoller implements SourcePoller {
    final List<Context> contexts = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    private final TokenBucket budget;

    RecordingPoller(TokenBucket budget) {
      this.budget = budget;
    }

    @Override
    public String source() {
      return "psn";
    }

    @Override
    public int batchSize() {
      return 1;
    }

    @Override
    public TokenBucket budget() {
      return budget;
    }

    @Override
    public Mono<List<WatchResult>> poll(List<WatchDefinition> batch, Instant detectedAt) {
      contexts.add(Vertx.currentContext());
      threads.add(Thread.currentThread().getName());
      return Mono.never();
    }
  }
}
