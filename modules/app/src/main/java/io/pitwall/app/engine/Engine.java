package io.pitwall.app.engine;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.pitwall.app.config.KafkaClientSettings;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.app.metrics.MetricsServer;
import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.publish.PublisherSettings;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.MembershipLiveness;
import io.pitwall.kafka.watches.Ownership;
import io.pitwall.kafka.watches.WatchRecordParser;
import io.pitwall.source.api.SourcePoller;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The running engine: restores every owned watch's state from the state topic (read_committed),
 * then polls due watches (batched per source: gtgridstats up to 16 per request) with bounded
 * concurrency (each source and credential its own share of the slots, so a hung upstream does not
 * stop the others), and publishes each batch's events and new states in one Kafka transaction.
 * Polling runs in Vert.x verticles, one per source credential pool ({@link PollingVerticle}), each
 * owning its pollers, scheduler and budgets on its own context without a lock; the Kafka clients
 * run on their own threads and reach the verticles by messages ({@link PollingVerticles}). A
 * Reactor interval ticks the scheduling rounds; Reactor composes each poll with its publish, so a
 * slow Kafka slows polling down, and no poll starts while Kafka or the registry is away.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Duration TICK = Duration.ofMillis(250);
  private static final Duration RESTORE = Duration.ofMinutes(2);

  private final PitwallConfig config;
  private final Clock clock;
  private final Vertx vertx;
  private final PitwallMetrics metrics;
  private final KafkaStateStore states;
  private final TransactionalPublisher publisher;
  private final ResultPublisher results;
  private final Availability kafkaUp;
  private final Availability registryUp;
  private final ConfluentRestRegistryClient registryClient;
  private final WatchGenerations generations = new WatchGenerations();
  private final Map<String, SourcePoller> pollers;
  private final SourceWiring wiring;
  private final PollingViews views;
  private PollingVerticles verticles;
  private final WatchStatuses statuses;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Map<String, Object> adminConfig;
  private final Map<String, Object> consumerConfig;
  private final String prefix;
  private final int partitions;
  private final Ownership ownership;
  private final MembershipLiveness liveness;
  private final OwnershipReport ownershipReport;
  private LiveWatches liveWatches;
  private FleetBudgets fleetBudgets;
  private KafkaProbe kafkaProbe;
  private KafkaClientMetrics producerMetrics;
  private KafkaClientMetrics consumerMetrics;
  private EngineHealth health;
  private MetricsServer server;
  private Disposable pipeline;
  private volatile boolean fatal;
  private volatile boolean stopping;
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean wasMember =
      new java.util.concurrent.atomic.AtomicBoolean(true);

  private Engine(PitwallConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.prefix = config.string(PitwallSettings.TOPIC_PREFIX);
    String stateTopic = prefix + "state";
    this.adminConfig = config.kafkaClient(KafkaClientSettings.Client.ADMIN);
    this.consumerConfig = config.kafkaClient(KafkaClientSettings.Client.CONSUMER);
    Map<String, Object> producerConfig = config.kafkaClient(KafkaClientSettings.Client.PRODUCER);
    List<String> eventTopics =
        new ArrayList<>(
            SourcePlugins.installed().eventTypes().stream().map(t -> t.topic(prefix)).toList());
    eventTopics.add(prefix + "dlq");
    Duration startup = config.duration(PitwallSettings.STARTUP_TIMEOUT);
    StartupChecks.kafka(
        adminConfig, config.string(PitwallSettings.KAFKA_BOOTSTRAP_SERVERS), startup);
    int statePartitions = TopicPreparation.prepare(config, adminConfig, eventTopics, startup);
    this.partitions = statePartitions;
    ConfiguredWatchRecords.sync(
        consumerConfig,
        producerConfig,
        prefix + "watches",
        statePartitions,
        config.watches(),
        startup);
    Duration session = config.duration(PitwallSettings.GROUP_SESSION_TIMEOUT);
    this.ownership =
        new Ownership(prefix + "engine", config.string(PitwallSettings.INSTANCE_ID), session);
    this.liveness = new MembershipLiveness(session);
    this.ownershipReport = new OwnershipReport(ownership.instanceId(), ownership.groupId());
    this.kafkaUp = new Availability("Kafka", clock);
    this.registryUp = new Availability("The schema registry", clock);
    this.registryClient =
        new ConfluentRestRegistryClient(
            config.string(PitwallSettings.SCHEMA_REGISTRY_URL),
            Duration.ofSeconds(10),
            config.registryAccess());
    StartupChecks.registry(
        registryClient, config.string(PitwallSettings.SCHEMA_REGISTRY_URL), startup);
    AvroWireCodec codec = new AvroWireCodec(registryClient);
    this.states = KafkaStateStore.create(new HashMap<>(consumerConfig), stateTopic, RESTORE);
    // the publisher first: initialising its transactions settles a previous incarnation's open
    // transaction, which would otherwise hold the read_committed restore until it timed out; the
    // states of the partitions this instance is assigned are restored on their assignment
    this.publisher =
        new TransactionalPublisher(
            new PublisherSettings(
                    producerConfig,
                    prefix + config.string(PitwallSettings.INSTANCE_ID),
                    stateTopic,
                    statePartitions,
                    config.duration(PitwallSettings.FAULT_PAUSE_BEFORE_COMMIT),
                    config.value(PitwallSettings.FAULT_UNSAFE_SPLIT_TRANSACTIONS, Boolean.class))
                .withLinger(
                    config.duration(PitwallSettings.PUBLISH_LINGER),
                    config.value(PitwallSettings.POLL_CONCURRENCY, Integer.class)),
            codec,
            states,
            kafkaUp);
    this.metrics = new PitwallMetrics();
    metrics.registrySchemaIdChanges(registryClient::idChanges);
    metrics.deadLetterReasons(WatchRecordParser.REASONS);
    publisher.onProducer(this::bindProducerMetrics);
    this.results =
        new ResultPublisher(publisher, metrics, registryUp, StateSizeLimit.of(producerConfig));
    this.statuses = new WatchStatuses(publisher, states, metrics, clock, prefix);
    this.vertx = Vertx.vertx();
    this.views = new PollingViews(config.integer(PitwallSettings.POLL_CONCURRENCY));
    this.wiring = new SourceWiring(vertx, config, clock, metrics, states, views);
    this.pollers = wiring.pollers();
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
    return start(config, clock, tick, round -> {});
  }

  /**
   * As {@link #start(PitwallConfig, Clock, Duration)}, telling {@code onRound} the number of each
   * scheduling round (0, 1, 2, ... on a fixed-rate schedule of {@code tick}) as it starts: a
   * benchmark on a compressed clock measures how late the rounds ran against their schedule.
   */
  public static Engine start(
      PitwallConfig config, Clock clock, Duration tick, LongConsumer onRound) {
    Engine engine = new Engine(config, clock);
    engine.begin(tick, onRound);
    return engine;
  }

  private void begin(Duration tick, LongConsumer onRound) {
    kafkaProbe = new KafkaProbe(adminConfig, kafkaUp);
    health =
        new EngineHealth(
            vertx,
            pollers,
            views,
            statuses,
            clock,
            new EngineHealth.Dependencies(
                kafkaUp,
                registryUp,
                () -> !fatal && !publisher.failed(),
                publisher::resets,
                ownershipReport::json,
                () -> {
                  registryClient.ping();
                  registryClient.reconfirm();
                }));
    health.registerGauges(metrics);
    server =
        join(
            MetricsServer.start(
                    vertx, config.integer(PitwallSettings.METRICS_PORT), metrics, health)
                .toCompletionStage()
                .toCompletableFuture());
    // buckets start with no share of the fleet's budget, before their verticles own them
    fleetBudgets =
        new FleetBudgets(
            new io.pitwall.kafka.fleet.FleetTopic(
                consumerConfig,
                config.kafkaClient(KafkaClientSettings.Client.PRODUCER),
                prefix + "fleet"),
            pollers,
            views,
            () -> liveWatches.owned(),
            partitions);
    verticles =
        PollingVerticles.deploy(
            vertx,
            config,
            pollers,
            new PollingVerticle.Shared(
                results,
                statuses,
                metrics,
                generations,
                views,
                clock,
                this::canPublish,
                inFlight,
                this::checkPublishing,
                key ->
                    io.pitwall.kafka.watches.WatchPartitioner.partition(
                        key.toString(), partitions)));
    wiring.contexts(verticles::contextOf);
    liveWatches =
        new LiveWatches(
            consumerConfig,
            prefix,
            ownership,
            liveness,
            verticles,
            publisher,
            states,
            partitions,
            generations,
            SourceWiring.credentialNames(pollers),
            metrics::deadLetter,
            new LiveWatches.Owner() {
              @Override
              public void restoring(Set<Integer> assigned) {
                ownershipReport.restoring(assigned);
              }

              @Override
              public void restored(Set<Integer> restored, Duration took) {
                statuses.adoptRestored();
                ownershipReport.restored(restored, took);
                metrics.restoreTime(took);
              }

              @Override
              public void revoked(Set<Integer> revoked) {
                ownershipReport.revoked(revoked);
              }

              @Override
              public void removed(String key) {
                statuses.forget(key);
              }

              @Override
              public void released(String key) {
                statuses.release(key);
              }

              @Override
              public void failed(String message) {
                fatal = true;
                LOG.error("{}", message);
                stopped.countDown();
              }
            });
    ownershipReport.bind(liveWatches);
    fleetBudgets.start(verticles);
    metrics.ownership(
        () -> liveWatches.owned().size(),
        liveWatches::rebalances,
        publisher::groupFenced,
        views::size);
    metrics.deadLetterRetries(liveWatches::deadLetterRetries);
    consumerMetrics = new KafkaClientMetrics(liveWatches.consumer());
    consumerMetrics.bindTo(metrics.registry());
    LOG.info(
        "Engine started as instance {} of group {} ({} watches partitions in the topic); its"
            + " watches follow the partitions the group assigns it; metrics on port {}",
        ownership.instanceId(),
        ownership.groupId(),
        partitions,
        server.port());
    // the rounds: each verticle takes its due requests on its own context (the scheduler's slots
    // bound the polls in flight, per source and credential); a verticle still busy skips a round
    pipeline =
        Flux.interval(tick)
            .onBackpressureDrop()
            .subscribe(
                n -> {
                  onRound.accept(n);
                  verticles.round(n);
                },
                e -> {
                  LOG.error("Engine pipeline failed", e);
                  stopped.countDown();
                });
  }

  /** After each publish (on a verticle's context): publishing that failed for good stops it all. */
  private void checkPublishing() {
    if (publisher.failed() && !fatal) {
      fatal = true;
      LOG.error("Publishing stopped for good; the engine stops");
      stopped.countDown();
    }
  }

  /**
   * Whether a poll's results could be committed now: no budget is spent while Kafka or the registry
   * is away, or once publishing stopped for good. Asked by every verticle each round: volatile
   * reads only, no lock.
   */
  private boolean canPublish() {
    long now = System.currentTimeMillis();
    liveness.touch(now);
    boolean member = liveness.live(now);
    if (wasMember.compareAndSet(!member, member)) {
      if (member) {
        LOG.info("The consumer group rebalanced: polling resumes for the partitions owned now");
      } else {
        LOG.warn("Polling stops until the consumer group rebalanced: {}", liveness.reason());
      }
    }
    return !stopping
        && !fatal
        && !publisher.failed()
        && kafkaUp.isUp()
        && registryUp.isUp()
        && member;
  }

  private void bindProducerMetrics(org.apache.kafka.clients.producer.Producer<?, ?> producer) {
    if (producerMetrics != null) {
      producerMetrics.close();
    }
    producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(metrics.registry());
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

  /**
   * Stops the way SIGTERM asks: no new poll starts (no token is taken), the polls in flight finish
   * and their results are committed (for at most {@code grace}, the longest upstream request
   * timeout), then the instance leaves the consumer group, so that its partitions move at once
   * instead of after the session timeout, and everything closes.
   */
  public void stopGracefully(Duration grace) {
    stopping = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (inFlight.get() > 0) {
      LOG.warn("{} polls still in flight after {}; their results are dropped", inFlight, grace);
    }
    publisher.barrier(Duration.ofSeconds(30));
    LOG.info("Stopping: in-flight polls finished, leaving the consumer group");
    close();
  }

  /** How long a graceful stop waits for polls in flight: the longest upstream request timeout. */
  public Duration gracePeriod() {
    Duration longest = Duration.ofSeconds(30);
    for (io.pitwall.source.api.SourcePlugin plugin : SourcePlugins.installed().all()) {
      var own = config.pluginConfig(plugin);
      String key = plugin.id() + ".request.timeout";
      if (own.values().containsKey(key)) {
        Duration timeout = Duration.parse(own.getString(key));
        if (timeout.compareTo(longest) > 0) {
          longest = timeout;
        }
      }
    }
    return longest.plusSeconds(5);
  }

  @Override
  public void close() {
    stopping = true;
    if (consumerMetrics != null) {
      consumerMetrics.close();
    }
    if (liveWatches != null) {
      liveWatches.close();
    }
    if (fleetBudgets != null) {
      fleetBudgets.close();
    }
    if (kafkaProbe != null) {
      kafkaProbe.close();
    }
    if (health != null) {
      health.close();
    }
    if (pipeline != null) {
      pipeline.dispose();
    }
    if (verticles != null) {
      verticles.close();
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
