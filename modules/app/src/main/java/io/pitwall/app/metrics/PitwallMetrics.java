package io.pitwall.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pitwall.core.PollOutcome;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every number an operator needs, in one Prometheus registry. Names and labels are documented in
 * the README's metrics catalogue.
 */
public final class PitwallMetrics implements AutoCloseable {

  /**
   * The functions of the function counters: Micrometer holds a FunctionCounter's object weakly, so
   * a method reference nobody else holds would be collected and the counter would stop counting.
   */
  private final java.util.List<Object> held = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private JvmGcMetrics gc;

  /** A registry with the JVM binders. */
  public PitwallMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    for (String source : io.pitwall.app.config.SourcePlugins.installed().ids()) {
      stateTooLargeCounter(source);
      quotaHeadersUnreadableCounter(source);
    }
  }

  /** The registry (for binders such as Kafka's client metrics). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A poll ended. */
  public void poll(String source, PollOutcome outcome) {
    Counter.builder("pitwall_polls")
        .description("Polls by source and outcome")
        .tag("source", source)
        .tag("outcome", outcome.name())
        .register(registry)
        .increment();
  }

  /** An upstream request finished ({@code status} -1 when no answer came). */
  public void request(String source, String endpoint, int status, Duration latency) {
    String outcome = status < 0 ? "no_answer" : status / 100 + "xx";
    Counter.builder("pitwall_upstream_requests")
        .description("Upstream requests by source, endpoint and status")
        .tag("source", source)
        .tag("endpoint", endpoint)
        .tag("status", status < 0 ? "none" : Integer.toString(status))
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("pitwall_upstream_request_duration")
        .description("Upstream request latency")
        .tag("source", source)
        .tag("endpoint", endpoint)
        .publishPercentileHistogram()
        .register(registry)
        .record(latency);
  }

  /** Events were published (committed). */
  public void published(String type, int count) {
    Counter.builder("pitwall_events_published")
        .description("Events published (committed) by type")
        .tag("type", type)
        .register(registry)
        .increment(count);
  }

  /** Detection lag of one event: detection time minus the upstream's event time. */
  public void detectionLag(String source, Duration lag) {
    DistributionSummary.builder("pitwall_detection_lag_seconds")
        .description("Detection time minus the upstream's event time, where the upstream gives one")
        .tag("source", source)
        .publishPercentileHistogram()
        .register(registry)
        .record(Math.max(0, lag.toMillis()) / 1000.0);
  }

  /** A bad input record went to the dead-letter topic. */
  public void deadLetter(String reason) {
    deadLetters(reason).increment();
  }

  /**
   * Starts every reason's dead-letter counter at zero, so that alerts see the series before any.
   */
  public void deadLetterReasons(java.util.List<String> reasons) {
    reasons.forEach(this::deadLetters);
  }

  private Counter deadLetters(String reason) {
    return Counter.builder("pitwall_dlq_records")
        .description("Records routed to the dead-letter topic, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  /** A credential's request was refused with 429 ({@code count} 0 only registers the series). */
  public void rateLimited(String source, String credential, int count) {
    Counter.builder("pitwall_rate_limited")
        .description("Upstream 429 (rate limited) answers per credential")
        .tag("source", source)
        .tag("credential", credential)
        .register(registry)
        .increment(count);
  }

  /** Tracks the budget tokens left of a credential. */
  public void budgetTokens(String source, String credential, Supplier<Number> tokens) {
    Gauge.builder("pitwall_budget_tokens", tokens)
        .description("Budget tokens left per credential")
        .tag("source", source)
        .tag("credential", credential)
        .register(registry);
  }

  /** Tracks seconds until a credential expires (negative when unknown or expired). */
  public void credentialExpiry(String source, String credential, Supplier<Number> seconds) {
    Gauge.builder("pitwall_credential_expiry_seconds", seconds)
        .description(
            "Seconds until the credential's refresh token expires; -1 before the first sign-in")
        .tag("source", source)
        .tag("credential", credential)
        .register(registry);
  }

  /** Tracks the number of watches of a source whose last poll ended with {@code status}. */
  public void watches(String source, String status, Supplier<Number> count) {
    Gauge.builder("pitwall_watches", count)
        .description("Watches by source and last poll outcome (PENDING before the first poll)")
        .tag("source", source)
        .tag("status", status)
        .register(registry);
  }

  /** Tracks the stalest watch of a source, in seconds since its last successful poll. */
  public void maxStaleness(String source, Supplier<Number> seconds) {
    Gauge.builder("pitwall_watch_staleness_max_seconds", seconds)
        .description("Longest time since a watch's last successful poll (or since it was added)")
        .tag("source", source)
        .register(registry);
  }

  /** A watch was polled successfully, {@code staleness} after its previous successful poll. */
  public void staleness(String source, Duration staleness) {
    staleness(source).record(staleness.toMillis() / 1000.0);
  }

  /** Starts a source's staleness histogram empty, so that dashboards see it before any poll. */
  public void stalenessHistogram(String source) {
    staleness(source);
  }

  private DistributionSummary staleness(String source) {
    return DistributionSummary.builder("pitwall_watch_staleness_seconds")
        .description("How stale a watch's data was when a successful poll refreshed it")
        .tag("source", source)
        .serviceLevelObjectives(5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)
        .register(registry);
  }

  /** Whether a dependency ({@code kafka}, {@code registry}) is reachable: 1 up, 0 down. */
  public void dependencyUp(String dependency, Supplier<Number> up) {
    Gauge.builder("pitwall_dependency_up", up)
        .tag("dependency", dependency)
        .description("1 while the dependency is reachable, 0 while it is down")
        .register(registry);
  }

  /** How many times the producer was re-created to settle a transaction it could not finish. */
  public void producerResets(Supplier<Number> resets) {
    functionCounter(
        "pitwall_producer_resets",
        "Times the transactional producer was re-created after a transaction it could not settle",
        resets);
  }

  /** How many cached schema ids the registry was found to have re-issued for another schema. */
  public void registrySchemaIdChanges(Supplier<Number> changes) {
    functionCounter(
        "pitwall_registry_schema_id_changes",
        "Cached schema ids that a registry restarted without its storage re-issued for another"
            + " schema",
        changes);
  }

  /** How many dead-letter sends were retried because Kafka did not take them. */
  public void deadLetterRetries(Supplier<Number> retries) {
    functionCounter(
        "pitwall_dlq_send_retries",
        "Dead-letter sends retried because Kafka did not take them",
        retries);
  }

  /**
   * This instance's share of the fleet: the watches-topic partitions it owns, the watches it polls,
   * the rebalances that changed its partitions and the transactions the group's fencing refused.
   */
  public void ownership(
      Supplier<Number> partitions,
      Supplier<Number> rebalances,
      Supplier<Number> fenced,
      Supplier<Number> watches) {
    held.add(partitions);
    held.add(watches);
    Gauge.builder("pitwall_owned_partitions", partitions)
        .description("Watches-topic partitions this instance owns in the consumer group")
        .register(registry);
    Gauge.builder("pitwall_owned_watches", watches)
        .description("Watches this instance polls (those of its partitions)")
        .register(registry);
    functionCounter(
        "pitwall_rebalances",
        "Consumer-group rebalances that assigned or took partitions of this instance",
        rebalances);
    functionCounter(
        "pitwall_group_fenced_transactions",
        "Transactions refused by the consumer group's fencing (KIP-447) and aborted: this instance"
            + " was a zombie of an old generation",
        fenced);
  }

  /** How long restoring the states of newly assigned partitions took. */
  public void restoreTime(Duration took) {
    io.micrometer.core.instrument.Timer.builder("pitwall_partition_restore")
        .description("Time to restore the states of newly assigned partitions (read_committed)")
        .register(registry)
        .record(took);
  }

  /** Registers a counter read from {@code count}, held strongly (Micrometer holds it weakly). */
  private void functionCounter(String name, String description, Supplier<Number> count) {
    held.add(count);
    io.micrometer.core.instrument.FunctionCounter.builder(name, count, c -> c.get().doubleValue())
        .description(description)
        .register(registry);
  }

  /** A watch's state was too large to store (see StateSizeLimit). */
  public void stateTooLarge(String source) {
    stateTooLargeCounter(source).increment();
  }

  private Counter stateTooLargeCounter(String source) {
    return Counter.builder("pitwall_state_too_large")
        .tag("source", source)
        .description("Poll results not stored because the watch's state exceeds max.request.size")
        .register(registry);
  }

  /**
   * An upstream answer carried quota headers that could not be read (ignored: the configured budget
   * still paces the credential).
   */
  public void quotaHeadersUnreadable(String source) {
    quotaHeadersUnreadableCounter(source).increment();
  }

  private Counter quotaHeadersUnreadableCounter(String source) {
    return Counter.builder("pitwall_quota_headers_unreadable")
        .tag("source", source)
        .description("Upstream answers whose quota headers were present but could not be read")
        .register(registry);
  }

  /** Prometheus text format of everything. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (gc != null) {
      gc.close();
      gc = null;
    }
    registry.close();
  }
}
