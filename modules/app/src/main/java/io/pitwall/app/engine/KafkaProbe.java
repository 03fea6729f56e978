package io.pitwall.app.engine;

import io.pitwall.kafka.Availability;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the cluster for its nodes every {@link #EVERY}, on its own thread, and reports Kafka's
 * availability: the publisher only notices an outage when it publishes, and polling must pause as
 * soon as nothing could be committed.
 */
final class KafkaProbe implements AutoCloseable {

  static final Duration EVERY = Duration.ofSeconds(5);
  private static final String OBSERVER = "probe";

  private final Admin admin;
  private final Availability kafka;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "pitwall-kafka-probe");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param adminConfig admin client settings
   * @param kafka where the probe's view goes
   */
  KafkaProbe(Map<String, Object> adminConfig, Availability kafka) {
    Map<String, Object> config = new HashMap<>(adminConfig);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "pitwall-kafka-probe");
    this.admin = Admin.create(config);
    this.kafka = kafka;
    thread.scheduleWithFixedDelay(this::probe, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probe() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) EVERY.toMillis()))
          .nodes()
          .get(EVERY.toMillis() + 1000, TimeUnit.MILLISECONDS);
      kafka.up(OBSERVER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      kafka.down(
          OBSERVER,
          "the cluster did not describe itself within "
              + EVERY.toSeconds()
              + " s ("
              + cause.getClass().getSimpleName()
              + ")");
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    admin.close(Duration.ofSeconds(2));
  }
}
