package io.pitwall.app.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
   * @throws UnreachableAtStartException when it does not within {@code wait}, or refuses the login
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
      throw new UnreachableAtStartException("Interrupted while waiting for Kafka at " + where);
    }
  }

  private static UnreachableAtStartException kafkaFailure(
      String where, Duration wait, Throwable cause) {
    if (cause instanceof AuthenticationException) {
      return new UnreachableAtStartException(
          "Kafka refused Pitwall's login at " + where + ": " + cause.getMessage());
    }
    if (cause instanceof AuthorizationException) {
      return new UnreachableAtStartException(
          "Kafka refused Pitwall access at " + where + ": " + cause.getMessage());
    }
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException
        || cause instanceof java.util.concurrent.TimeoutException) {
      return new UnreachableAtStartException(
          "Kafka did not answer at " + where + " within " + seconds(wait));
    }
    return new UnreachableAtStartException(
        "Kafka could not be reached at "
            + where
            + ": "
            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
  }

  /**
   * Waits until the registry lists its subjects.
   *
   * @throws UnreachableAtStartException when it does not answer within {@code wait}, or refuses
   */
  static void registry(String url, Duration wait) {
    String base = url.endsWith("/") ? url : url + "/";
    String where = "schema.registry.url=" + url;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "subjects"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    long deadline = System.nanoTime() + wait.toNanos();
    String last = "no answer";
    while (true) {
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
        if (status == 401 || status == 403) {
          throw new UnreachableAtStartException(
              "The schema registry refused Pitwall at " + where + ": HTTP " + status);
        }
        last = "HTTP " + status;
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnreachableAtStartException(
            "Interrupted while waiting for the schema registry at " + where);
      }
      if (System.nanoTime() > deadline) {
        throw new UnreachableAtStartException(
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
        throw new UnreachableAtStartException(
            "Interrupted while waiting for the schema registry at " + where);
      }
    }
  }

  private static String seconds(Duration wait) {
    return wait.toSeconds() + " s (startup.timeout)";
  }
}
