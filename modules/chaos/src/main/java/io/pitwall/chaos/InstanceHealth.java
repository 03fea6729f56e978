package io.pitwall.chaos;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a running engine instance's {@code /health} and {@code /metrics} (its port is in its log).
 */
final class InstanceHealth {

  private static final Pattern PORT = Pattern.compile("metrics on port (\\d+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private InstanceHealth() {}

  /** The watches an instance polls now (every source's watches in its /health). */
  static Set<String> owned(EngineSupervisor engine) {
    return watches(engine, false);
  }

  /** The watches an instance polls now and has polled at least once. */
  static Set<String> polled(EngineSupervisor engine) {
    return watches(engine, true);
  }

  /** The {@code ownership} object: instance, group, generation, partitions. */
  static JsonObject ownership(EngineSupervisor engine) {
    JsonObject health = document(engine);
    return health == null || health.getJsonObject("ownership") == null
        ? new JsonObject()
        : health.getJsonObject("ownership");
  }

  /** How many watches-topic partitions the instance owns (restoring or polling). */
  static int partitions(EngineSupervisor engine) {
    JsonObject partitions = ownership(engine).getJsonObject("partitions");
    return partitions == null ? 0 : partitions.size();
  }

  private static Set<String> watches(EngineSupervisor engine, boolean polledOnly) {
    JsonObject health = document(engine);
    Set<String> keys = new HashSet<>();
    if (health == null) {
      return keys;
    }
    for (String source : List.of("psn", "gt", "gridstats")) {
      JsonObject section = health.getJsonObject(source);
      if (section == null || section.getJsonObject("watches") == null) {
        continue;
      }
      section
          .getJsonObject("watches")
          .forEach(
              e -> {
                if (!polledOnly || !"PENDING".equals(e.getValue())) {
                  keys.add(e.getKey());
                }
              });
    }
    return keys;
  }

  /** The instance's /health document, or null while it does not answer. */
  static JsonObject document(EngineSupervisor engine) {
    String body = get(engine, "/health");
    try {
      return body == null ? null : new JsonObject(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The instance's /metrics (Prometheus text), or null while it does not answer. */
  static String metrics(EngineSupervisor engine) {
    return get(engine, "/metrics");
  }

  private static String get(EngineSupervisor engine, String path) {
    Matcher m = PORT.matcher(engine.output());
    if (!engine.alive() || !m.find()) {
      return null;
    }
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.body();
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
