package io.pitwall.app.engine;

import io.pitwall.app.config.SourcePlugins;
import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.source.api.SourcePoller;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What /health, /health/live, /health/ready and the watch gauges report: Kafka (DOWN while it is
 * unreachable, and once publishing failed for good), the schema registry (probed every {@link
 * #PROBE_EVERY}), and per source its state, budget, staleness and each watch's last outcome. Kafka
 * away makes the engine DOWN (not ready: nothing can be committed, polling pauses) but still live:
 * it comes back by itself, so a liveness probe must not restart it. A registry outage shows as
 * DEGRADED. Only a fatal publishing error (fenced, not authorised) makes it not live.
 */
final class EngineHealth implements AutoCloseable, io.pitwall.app.metrics.HealthEndpoints {

  /**
   * What the engine depends on.
   *
   * @param kafka Kafka's availability (publisher and probe)
   * @param registry the registry's availability (probe and publisher)
   * @param live whether publishing still works at all (false once fenced or failed for good)
   * @param producerResets how many times the producer was re-created to settle a transaction
   * @param registryProbe asks the registry whether it answers (throws when it does not); on success
   *     cached schema ids are confirmed again before their next use, since the registry may have
   *     restarted since the last probe
   */
  record Dependencies(
      io.pitwall.kafka.Availability kafka,
      io.pitwall.kafka.Availability registry,
      BooleanSupplier live,
      java.util.function.LongSupplier producerResets,
      java.util.function.Supplier<JsonObject> ownership,
      Runnable registryProbe) {}

  private static final String OBSERVER = "probe";

  static final Duration PROBE_EVERY = Duration.ofSeconds(15);
  static final String PENDING = "PENDING";
  private static final java.util.Set<String> SOURCE_WIDE =
      java.util.Set.of(
          PollOutcome.AUTH_EXPIRED.name(),
          PollOutcome.RATE_LIMITED.name(),
          PollOutcome.UPSTREAM_ERROR.name());

  private static final Logger LOG = LoggerFactory.getLogger(EngineHealth.class);

  private final Map<String, SourcePoller> pollers;
  private final PollingViews views;
  private final WatchStatuses statuses;
  private final Clock clock;
  private final Dependencies dependencies;
  private final Vertx vertx;
  private final long timer;

  /**
   * @param pollers each credential's poller, by credential id
   * @param dependencies Kafka's and the registry's availability, and whether publishing works
   */
  EngineHealth(
      Vertx vertx,
      Map<String, SourcePoller> pollers,
      PollingViews views,
      WatchStatuses statuses,
      Clock clock,
      Dependencies dependencies) {
    this.vertx = vertx;
    this.pollers = pollers;
    this.views = views;
    this.statuses = statuses;
    this.clock = clock;
    this.dependencies = dependencies;
    probeRegistry();
    this.timer = vertx.setPeriodic(PROBE_EVERY.toMillis(), id -> probeRegistry());
  }

  /** Registers the per-source watch gauges: watches by last outcome, and the stalest watch. */
  void registerGauges(PitwallMetrics metrics) {
    registerDependencyGauges(metrics);
    for (String source : SourcePlugins.installed().ids()) {
      metrics.watches(source, PENDING, () -> count(source, PENDING));
      for (PollOutcome outcome : PollOutcome.values()) {
        metrics.watches(source, outcome.name(), () -> count(source, outcome.name()));
      }
      metrics.maxStaleness(source, () -> views.maxStaleness(source).toMillis() / 1000.0);
      metrics.stalenessHistogram(source);
    }
  }

  /** The dependency gauges: Kafka and registry up (1) or down (0), producer resets. */
  private void registerDependencyGauges(PitwallMetrics metrics) {
    metrics.dependencyUp("kafka", () -> kafkaUp() ? 1 : 0);
    metrics.dependencyUp("registry", () -> dependencies.registry().isUp() ? 1 : 0);
    metrics.producerResets(() -> dependencies.producerResets().getAsLong());
  }

  private boolean kafkaUp() {
    return dependencies.live().getAsBoolean() && dependencies.kafka().isUp();
  }

  @Override
  public boolean live() {
    return dependencies.live().getAsBoolean();
  }

  @Override
  public boolean ready() {
    return kafkaUp();
  }

  /** Liveness, readiness and the dependencies, without the per-source details. */
  @Override
  public JsonObject summary() {
    boolean kafka = kafkaUp();
    boolean registry = dependencies.registry().isUp();
    JsonObject body =
        new JsonObject()
            .put("status", !kafka ? "DOWN" : registry ? "UP" : "DEGRADED")
            .put("live", live())
            .put("ready", kafka)
            .put("kafka", kafka ? "UP" : "DOWN")
            .put("registry", registry ? "UP" : "DOWN");
    if (!dependencies.live().getAsBoolean()) {
      body.put("kafkaReason", "publishing stopped for good (see the log)");
    } else if (!kafka) {
      body.put("kafkaReason", String.join("; ", dependencies.kafka().reasons().values()))
          .put("kafkaDownSince", String.valueOf(dependencies.kafka().downSince()));
    }
    if (!registry) {
      body.put("registryReason", String.join("; ", dependencies.registry().reasons().values()))
          .put("registryDownSince", String.valueOf(dependencies.registry().downSince()));
    }
    return body;
  }

  /** The health document of /health. */
  @Override
  public JsonObject document() {
    JsonObject body = summary();
    body.put("ownership", dependencies.ownership().get());
    Instant now = clock.instant();
    for (String source : SourcePlugins.installed().ids()) {
      Map<String, String> watches = watches(source);
      JsonObject credentials = new JsonObject();
      int tokens = 0;
      boolean allPaused = true;
      for (Map.Entry<String, SourcePoller> e : pollers.entrySet()) {
        if (!e.getValue().source().equals(source)) {
          continue;
        }
        PollingViews.Budget budget = views.budget(e.getKey());
        Instant paused = budget.pausedUntil();
        boolean isPaused = paused != null && paused.isAfter(now);
        allPaused &= isPaused;
        int available = budget.available();
        tokens += available;
        JsonObject credential = new JsonObject().put("budgetTokens", available);
        if (isPaused) {
          credential.put("pausedUntil", paused.toString());
        }
        credentials.put(e.getKey().substring(e.getKey().indexOf('/') + 1), credential);
      }
      if (credentials.isEmpty()) {
        continue;
      }
      body.put(
          source,
          new JsonObject()
              .put("state", state(watches.values(), allPaused))
              .put("budgetTokens", tokens)
              .put("stalenessMaxSeconds", views.maxStaleness(source).toMillis() / 1000.0)
              .put("credentials", credentials)
              .put("watches", new JsonObject(new LinkedHashMap<>(watches))));
    }
    return body;
  }

  /**
   * A source's state: IDLE without watches, RATE_LIMITED while every credential's budget is paused
   * by a 429, otherwise the shared outcome when every polled watch fails the same source-wide way
   * (AUTH_EXPIRED when the credential is dead, RATE_LIMITED, UPSTREAM_ERROR), else UP: accounts
   * that are private or not found are the accounts' problem, not the source's.
   */
  static String state(Collection<String> watchStatuses, boolean paused) {
    if (watchStatuses.isEmpty()) {
      return "IDLE";
    }
    if (paused) {
      return PollOutcome.RATE_LIMITED.name();
    }
    List<String> polled = watchStatuses.stream().filter(s -> !PENDING.equals(s)).toList();
    List<String> distinct = polled.stream().distinct().toList();
    if (distinct.size() == 1 && SOURCE_WIDE.contains(distinct.get(0))) {
      return distinct.get(0);
    }
    return "UP";
  }

  private Map<String, String> watches(String source) {
    Map<String, String> watches = new LinkedHashMap<>();
    for (String key : views.keys(source)) {
      watches.put(key, statuses.statusOf(key).map(PollOutcome::name).orElse(PENDING));
    }
    return watches;
  }

  private long count(String source, String status) {
    return watches(source).values().stream().filter(status::equals).count();
  }

  private void probeRegistry() {
    vertx
        .executeBlocking(
            () -> {
              dependencies.registryProbe().run();
              return null;
            },
            false)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                dependencies.registry().up(OBSERVER);
              } else {
                dependencies.registry().down(OBSERVER, ar.cause().getMessage());
              }
            });
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
