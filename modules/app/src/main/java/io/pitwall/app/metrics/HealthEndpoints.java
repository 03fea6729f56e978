package io.pitwall.app.metrics;

import io.vertx.core.json.JsonObject;

/**
 * What the health endpoints serve: {@code /health} (the full document), {@code /health/live}
 * (liveness: false only when the engine cannot recover by itself) and {@code /health/ready}
 * (readiness: false while nothing can be committed, e.g. during a Kafka outage).
 */
public interface HealthEndpoints {

  /** The full document: status, dependencies, every source and watch. */
  JsonObject document();

  /** Status and dependencies only. */
  JsonObject summary();

  /** Whether the process works or will recover by itself. */
  boolean live();

  /** Whether it can do its work now. */
  boolean ready();
}
