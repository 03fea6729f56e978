package io.pitwall.app.engine;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.app.config.WatchSpec;
import io.pitwall.app.metrics.MetricsServer;
import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.psn.PsnWatchState;
import io.pitwall.core.psn.TrophyEarnedChange;
import io.pitwall.events.EventType;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.TrophyEarnedMapper;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.publish.OutgoingEvent;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.TopicAdmin;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.state.PsnStateCodec;
import io.pitwall.source.psn.PsnApiClient;
import io.pitwall.source.psn.PsnAuthenticator;
import io.pitwall.source.psn.PsnPollResult;
import io.pitwall.source.psn.PsnPoller;
import io.pitwall.source.psn.PsnSourceConfig;
import io.pitwall.source.psn.TitleCatalog;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * polls due watches with bounded concurrency, diffs, and publishes each poll's events and new state
 * in one Kafka transaction. Vert.x runs the upstream I/O and the metrics server; a Reactor pipeline
 * composes due watches → polls → publishes, so a slow Kafka slows polling down.
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
  private final PsnPoller psn;
  private final TokenBucket psnBudget;
  private final PsnAuthenticator psnAuth;
  private final WatchScheduler scheduler = new WatchScheduler();
  private final Map<String, PollOutcome> lastOutcome = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final String eventTopic;
  private final String stateTopic;
  private KafkaClientMetrics producerMetrics;
  private MetricsServer server;
  private Disposable pipeline;
  private volatile boolean fatal;

  private Engine(PitwallConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    String prefix = config.string(PitwallSettings.TOPIC_PREFIX);
    this.eventTopic = EventType.TROPHY_EARNED.topic(prefix);
    this.stateTopic = prefix + "state";
    Map<String, Object> kafka =
        Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            config.string(PitwallSettings.KAFKA_BOOTSTRAP_SERVERS));
    TopicAdmin.ensure(
        kafka,
        List.of(stateTopic, prefix + "watches"),
        List.of(eventTopic, prefix + "dlq"),
        Duration.ofSeconds(60));
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
    publisher.withProducer(
        producer -> {
          producerMetrics = new KafkaClientMetrics(producer);
          producerMetrics.bindTo(metrics.registry());
        });
    this.vertx = Vertx.vertx();
    WebClient http =
        WebClient.create(
            vertx, new WebClientOptions().setFollowRedirects(false).setUserAgent("pitwall"));
    PsnSourceConfig source =
        new PsnSourceConfig(
            config.string(PitwallSettings.PSN_BASE_URL),
            config.string(PitwallSettings.PSN_AUTH_BASE_URL),
            config.string(PitwallSettings.PSN_NPSSO) == null
                ? ""
                : config.string(PitwallSettings.PSN_NPSSO),
            config.string(PitwallSettings.PSN_LANGUAGE),
            config.integer(PitwallSettings.PSN_PAGE_SIZE),
            800,
            Duration.ofSeconds(60));
    this.psnBudget =
        new TokenBucket(
            clock,
            config.integer(PitwallSettings.PSN_BUDGET_REQUESTS),
            config.duration(PitwallSettings.PSN_BUDGET_PERIOD));
    this.psnAuth = new PsnAuthenticator(http, source, clock);
    PsnApiClient client =
        new PsnApiClient(
            vertx,
            http,
            source,
            psnAuth,
            psnBudget,
            clock,
            (endpoint, status, latency) -> metrics.request("psn", endpoint, status, latency));
    this.psn = new PsnPoller(client, new TitleCatalog(client, source.language()), source);
    metrics.budgetTokens("psn", "default", psnBudget::available);
    metrics.credentialExpiry(
        "psn",
        "default",
        () -> {
          Instant expiry = psnAuth.refreshTokenExpiresAt();
          return expiry == null ? -1 : Duration.between(clock.instant(), expiry).toSeconds();
        });
    metrics.watches("psn", scheduler::size);
  }

  /** Starts an engine with the configured watches. */
  public static Engine start(PitwallConfig config) {
    Engine engine = new Engine(config, Clock.systemUTC());
    engine.begin();
    return engine;
  }

  private void begin() {
    server =
        join(
            MetricsServer.start(
                    vertx, config.integer(PitwallSettings.METRICS_PORT), metrics, this::health)
                .toCompletionStage()
                .toCompletableFuture());
    config.watches().forEach(w -> scheduler.add(w, clock.instant()));
    LOG.info(
        "Engine started: {} watches, {} restored states, metrics on port {}",
        scheduler.size(),
        states.size(),
        server.port());
    pipeline =
        Flux.interval(TICK)
            .onBackpressureDrop()
            .concatMapIterable(
                tick -> fatal ? List.<WatchSpec>of() : scheduler.takeDue(clock.instant()))
            .flatMap(this::pollAndPublish, config.integer(PitwallSettings.POLL_CONCURRENCY))
            .subscribe(
                v -> {},
                e -> {
                  LOG.error("Engine pipeline failed", e);
                  stopped.countDown();
                });
  }

  private Mono<Void> pollAndPublish(WatchSpec watch) {
    String key = watch.key().toString();
    byte[] stored = states.get(key);
    PsnWatchState prior;
    try {
      prior = stored == null ? PsnWatchState.EMPTY : PsnStateCodec.decode(stored);
    } catch (IllegalArgumentException corrupt) {
      LOG.error(
          "{}: stored state unreadable ({}); taking a new baseline", key, corrupt.getMessage());
      prior = PsnWatchState.EMPTY;
    }
    Instant detectedAt = clock.instant();
    PsnWatchState before = prior;
    return Mono.fromCompletionStage(
            () -> psn.poll(watch.key().accountId(), before, watch.backfill()).toCompletionStage())
        .flatMap(result -> publish(watch, before, result, detectedAt).thenReturn(result))
        .doOnNext(
            result ->
                finished(
                    watch,
                    PollOutcome.OK,
                    result.changes().size() + " new",
                    nextAfter(PollOutcome.OK)))
        .onErrorResume(
            e -> {
              PollOutcome outcome = outcomeOf(e);
              finished(watch, outcome, e.getMessage(), nextAfter(outcome));
              return Mono.empty();
            })
        .then();
  }

  private Mono<Void> publish(
      WatchSpec watch, PsnWatchState prior, PsnPollResult result, Instant detectedAt) {
    if (result.changes().isEmpty() && result.next().equals(prior)) {
      return Mono.empty();
    }
    String key = watch.key().toString();
    List<OutgoingEvent> events = new ArrayList<>();
    List<TrophyEarned> earned = new ArrayList<>();
    for (TrophyEarnedChange change : result.changes()) {
      TrophyEarned event =
          TrophyEarnedMapper.toEvent(watch.key(), watch.label(), change, detectedAt);
      earned.add(event);
      events.add(new OutgoingEvent(eventTopic, key, event));
    }
    byte[] state = PsnStateCodec.encode(result.next());
    return Mono.fromFuture(() -> publisher.publish(new PublishBatch(events, key, state)))
        .doOnSuccess(
            v -> {
              states.put(key, state);
              metrics.published(EventType.TROPHY_EARNED.typeName(), events.size());
              earned.forEach(
                  e ->
                      metrics.detectionLag(
                          "psn",
                          Duration.between(
                              e.getEnvelope().getEventTime(), e.getEnvelope().getDetectedAt())));
              if (result.baseline()) {
                LOG.info(
                    "{}: baseline of {} titles taken{}",
                    key,
                    result.next().titles().size(),
                    watch.backfill() ? ", " + events.size() + " earlier trophies backfilled" : "");
              }
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

  private void finished(WatchSpec watch, PollOutcome outcome, String detail, Instant next) {
    metrics.poll("psn", outcome);
    String key = watch.key().toString();
    PollOutcome previous = lastOutcome.put(key, outcome);
    if (outcome != previous) {
      if (outcome == PollOutcome.OK) {
        LOG.info("{}: {} ({})", key, outcome, detail);
      } else {
        LOG.warn("{}: {}: {}", key, outcome, detail);
      }
    }
    scheduler.done(watch, next);
  }

  private Instant nextAfter(PollOutcome outcome) {
    Instant now = clock.instant();
    Duration interval = config.duration(PitwallSettings.POLL_INTERVAL);
    return switch (outcome) {
      case RATE_LIMITED -> {
        Instant paused = psnBudget.pausedUntil();
        yield paused != null && paused.isAfter(now) ? paused : now.plus(interval);
      }
      case AUTH_EXPIRED, NOT_FOUND, PRIVATE -> now.plus(interval.multipliedBy(4));
      default -> now.plus(interval);
    };
  }

  private static PollOutcome outcomeOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.pitwall.core.UpstreamException psn) {
        return psn.outcome();
      }
    }
    return PollOutcome.UPSTREAM_ERROR;
  }

  /** The health document of /health. */
  public JsonObject health() {
    JsonObject outcomes = new JsonObject();
    lastOutcome.forEach((key, outcome) -> outcomes.put(key, outcome.name()));
    boolean up = !fatal && !publisher.failed();
    return new JsonObject()
        .put("status", up ? "UP" : "DOWN")
        .put("kafka", up ? "UP" : "DOWN")
        .put(
            "psn",
            new JsonObject().put("budgetTokens", psnBudget.available()).put("watches", outcomes));
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
