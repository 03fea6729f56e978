package io.pitwall.app.engine;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.app.metrics.MetricsServer;
import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.events.EventType;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.publish.OutgoingEvent;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.TopicAdmin;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.WatchRecordParser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The running engine: restores every watch's state from the state topic (read_committed), then
 * polls due watches (batched per source: gtgridstats up to 16 per request) with bounded
 * concurrency, and publishes each batch's events and new states in one Kafka transaction. Vert.x
 * runs the upstream I/O and the metrics server; a Reactor pipeline composes due watches → polls →
 * publishes, so a slow Kafka slows polling down.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Duration TICK = Duration.ofMillis(250);

  private final PitwallConfig config;
  private final Clock clock;
  private final Vertx vertx;
  private final PitwallMetrics metrics;
  private final KafkaStateStore states;
  private final TransactionalPublisher publisher;
  private final Map<String, SourcePoller> pollers;
  private final WatchScheduler scheduler;
  private final WatchStatuses statuses;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Map<String, Object> kafka;
  private final String prefix;
  private LiveWatches liveWatches;
  private KafkaClientMetrics producerMetrics;
  private KafkaClientMetrics consumerMetrics;
  private EngineHealth health;
  private MetricsServer server;
  private Disposable pipeline;
  private volatile boolean fatal;

  private Engine(PitwallConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.prefix = config.string(PitwallSettings.TOPIC_PREFIX);
    String stateTopic = prefix + "state";
    this.kafka =
        Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            config.string(PitwallSettings.KAFKA_BOOTSTRAP_SERVERS));
    List<String> eventTopics =
        new ArrayList<>(Arrays.stream(EventType.values()).map(t -> t.topic(prefix)).toList());
    eventTopics.add(prefix + "dlq");
    TopicAdmin.ensure(
        kafka, List.of(stateTopic, prefix + "watches"), eventTopics, Duration.ofSeconds(60));
    this.states =
        KafkaStateStore.load(new java.util.HashMap<>(kafka), stateTopic, Duration.ofMinutes(2));
    AvroWireCodec codec =
        new AvroWireCodec(
            new ConfluentRestRegistryClient(config.string(PitwallSettings.SCHEMA_REGISTRY_URL)));
    this.publisher =
        new TransactionalPublisher(
            kafka,
            prefix + config.string(PitwallSettings.INSTANCE_ID),
            codec,
            stateTopic,
            config.duration(PitwallSettings.FAULT_PAUSE_BEFORE_COMMIT));
    this.metrics = new PitwallMetrics();
    metrics.deadLetterReasons(WatchRecordParser.REASONS);
    publisher.withProducer(
        producer -> {
          producerMetrics = new KafkaClientMetrics(producer);
          producerMetrics.bindTo(metrics.registry());
        });
    this.statuses = new WatchStatuses(publisher, metrics, clock, prefix);
    this.vertx = Vertx.vertx();
    this.pollers = new SourceWiring(vertx, config, clock, metrics, states).pollers();
    this.scheduler = WatchScheduler.of(config, pollers);
  }

  /** Starts an engine with the configured watches. */
  public static Engine start(PitwallConfig config) {
    return start(config, Clock.systemUTC(), TICK);
  }

  /**
   * Starts an engine on another clock, offering work every {@code tick} of wall time: benchmarks
   * compress time with a clock that runs faster than the wall, and then tick faster so that no
   * token is lost to the budget's burst cap between two ticks.
   */
  public static Engine start(PitwallConfig config, Clock clock, Duration tick) {
    Engine engine = new Engine(config, clock);
    engine.begin(tick);
    return engine;
  }

  private void begin(Duration tick) {
    health =
        new EngineHealth(
            vertx,
            pollers,
            scheduler,
            statuses,
            clock,
            () -> !fatal && !publisher.failed(),
            config.string(PitwallSettings.SCHEMA_REGISTRY_URL));
    health.registerGauges(metrics);
    server =
        join(
            MetricsServer.start(
                    vertx, config.integer(PitwallSettings.METRICS_PORT), metrics, this::health)
                .toCompletionStage()
                .toCompletableFuture());
    config.watches().forEach(w -> scheduler.upsert(w, clock.instant()));
    liveWatches =
        new LiveWatches(
            kafka,
            prefix,
            scheduler,
            states,
            publisher,
            SourceWiring.credentialNames(pollers),
            clock,
            metrics::deadLetter);
    consumerMetrics = new KafkaClientMetrics(liveWatches.consumer());
    consumerMetrics.bindTo(metrics.registry());
    LOG.info(
        "Engine started: {} watches, {} restored states, metrics on port {}",
        scheduler.size(),
        states.size(),
        server.port());
    pipeline =
        Flux.interval(tick)
            .onBackpressureDrop()
            .concatMapIterable(
                n -> fatal ? List.<WatchScheduler.Batch>of() : scheduler.takeDue(clock.instant()))
            .flatMap(this::pollAndPublish, config.integer(PitwallSettings.POLL_CONCURRENCY))
            .subscribe(
                v -> {},
                e -> {
                  LOG.error("Engine pipeline failed", e);
                  stopped.countDown();
                });
  }

  private Mono<Void> pollAndPublish(WatchScheduler.Batch batch) {
    SourcePoller poller = pollers.get(batch.dispatch().credential());
    Instant detectedAt = clock.instant();
    return poller
        .poll(batch.watches(), detectedAt)
        .flatMap(
            results ->
                publish(results)
                    .thenReturn(results)
                    .onErrorResume(
                        e ->
                            Mono.just(
                                results.stream()
                                    .map(
                                        r ->
                                            r.outcome() == PollOutcome.OK
                                                ? WatchResult.failed(
                                                    r.watch(),
                                                    PollOutcome.UPSTREAM_ERROR,
                                                    "publish failed: " + e.getMessage())
                                                : r)
                                    .toList())))
        .doOnNext(results -> finished(poller, batch, results))
        .then();
  }

  private Mono<Void> publish(List<WatchResult> results) {
    List<OutgoingEvent> events = new ArrayList<>();
    Map<String, byte[]> newStates = new LinkedHashMap<>();
    for (WatchResult r : results) {
      if (r.outcome() == PollOutcome.OK) {
        events.addAll(r.events());
        if (r.state() != null) {
          newStates.put(r.watch().key().toString(), r.state());
        }
      }
    }
    if (events.isEmpty() && newStates.isEmpty()) {
      return Mono.empty();
    }
    return Mono.fromFuture(() -> publisher.publish(new PublishBatch(events, newStates)))
        .doOnSuccess(
            v -> {
              newStates.forEach(states::put);
              events.forEach(e -> metrics.published(e.value().getSchema().getName(), 1));
              results.forEach(
                  r ->
                      r.lags()
                          .forEach(
                              lag -> metrics.detectionLag(r.watch().key().source().id(), lag)));
            })
        .doOnError(
            e -> {
              if (publisher.failed()) {
                fatal = true;
                LOG.error("Publishing stopped for good ({}); the engine stops", e.getMessage());
                stopped.countDown();
              }
            });
  }

  private void finished(
      SourcePoller poller, WatchScheduler.Batch batch, List<WatchResult> results) {
    results.forEach(r -> statuses.record(poller.source(), r));
    Instant now = clock.instant();
    scheduler
        .done(batch, results, now, poller.budget())
        .forEach((key, staleness) -> metrics.staleness(key.source().id(), staleness));
  }

  /** The health document of /health. */
  public JsonObject health() {
    return health.document();
  }

  /** The metrics registry. */
  public PitwallMetrics metrics() {
    return metrics;
  }

  /** The port /metrics and /health listen on. */
  public int metricsPort() {
    return server.port();
  }

  /** Blocks until the engine stops by itself (a fatal error) or the timeout passes. */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (consumerMetrics != null) {
      consumerMetrics.close();
    }
    if (liveWatches != null) {
      liveWatches.close();
    }
    if (health != null) {
      health.close();
    }
    if (pipeline != null) {
      pipeline.dispose();
    }
    publisher.close();
    if (producerMetrics != null) {
      producerMetrics.close();
    }
    if (server != null) {
      join(server.close().toCompletionStage().toCompletableFuture());
    }
    join(vertx.close().toCompletionStage().toCompletableFuture());
    metrics.close();
    stopped.countDown();
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
