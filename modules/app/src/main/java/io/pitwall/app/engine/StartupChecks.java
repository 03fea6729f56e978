package io.pitwall.app.engine;

import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.events.wire.SchemaRegistryException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * What the engine makes sure of before it starts: that Kafka and the schema registry answer. Each
 * waits up to the startup timeout (either may still be starting, as in a compose stack) and fails
 * with one sentence naming the setting, the address and the wait.
 */
final class StartupChecks {

  private static final Duration RETRY = Duration.ofMillis(500);

  private StartupChecks() {}

  /**
   * Waits until the cluster describes itself.
   *
   * @throws StartupException when it does not within {@code wait}, or refuses the login
   */
  static void kafka(Map<String, Object> adminConfig, String servers, Duration wait) {
    Map<String, Object> config = new HashMap<>(adminConfig);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "pitwall-startup-check");
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
    config.put(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(wait.toMillis(), 30_000));
    String where = "kafka.bootstrap.servers=" + servers;
    try (Admin admin = Admin.create(config)) {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) wait.toMillis()))
          .nodes()
          .get(wait.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw kafkaFailure(where, wait, e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw kafkaFailure(where, wait, e);
    } catch (KafkaException e) {
      throw kafkaFailure(where, wait, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("Interrupted while waiting for Kafka at " + where);
    }
  }

  private static StartupException kafkaFailure(String where, Duration wait, Throwable cause) {
    if (cause instanceof AuthenticationException) {
      return new StartupException(
          "Kafka refused Pitwall's login at " + where + ": " + cause.getMessage());
    }
    if (cause instanceof AuthorizationException) {
      return new StartupException(
          "Kafka refused Pitwall access at " + where + ": " + cause.getMessage());
    }
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException
        || cause instanceof java.util.concurrent.TimeoutException) {
      return new StartupException("Kafka did not answer at " + where + " within " + seconds(wait));
    }
    return new StartupException(
        "Kafka could not be reached at "
            + where
            + ": "
            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
  }

  /**
   * Waits until the registry lists its subjects.
   *
   * @throws StartupException when it does not answer within {@code wait}, or refuses Pitwall's
   *     credentials
   */
  static void registry(ConfluentRestRegistryClient registry, String url, Duration wait) {
    String where = "schema.registry.url=" + url;
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      String last;
      try {
        registry.ping();
        return;
      } catch (SchemaRegistryException e) {
        if (e.status() == 401 || e.status() == 403) {
          throw new StartupException(
              "The schema registry refused Pitwall's credentials at "
                  + where
                  + ": HTTP "
                  + e.status()
                  + " (see schema.registry.basic.auth.user.info, schema.registry.bearer.token)");
        }
        last = e.status() > 0 ? "HTTP " + e.status() : "unreachable";
      }
      if (System.nanoTime() > deadline) {
        throw new StartupException(
            "The schema registry did not answer at "
                + where
                + " within "
                + seconds(wait)
                + " (last: "
                + last
                + ")");
      }
      try {
        Thread.sleep(RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartupException("Interrupted while waiting for the schema registry at " + where);
      }
    }
  }

  private static String seconds(Duration wait) {
    return wait.toSeconds() + " s (startup.timeout)";
  }
}
