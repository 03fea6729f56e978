package io.pitwall.testkit;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka broker of this JVM, started on first use and stopped when the JVM exits. Uses a
 * Testcontainers broker when a Docker engine is available, otherwise an embedded KRaft broker. Set
 * {@code PITWALL_TEST_KAFKA} (or system property {@code pitwall.test.kafka}) to {@code embedded} or
 * {@code container} to force one.
 */
public final class TestKafka {

  private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);
  private static KafkaBroker broker;
  private static RuntimeException startFailure;

  private TestKafka() {}

  /** The shared broker's bootstrap servers, starting the broker if this is the first use. */
  public static String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /** The shared broker, starting it if this is the first use. */
  public static synchronized KafkaBroker broker() {
    if (startFailure != null) {
      throw new IllegalStateException("The test JVM's Kafka broker failed to start", startFailure);
    }
    if (broker == null) {
      long started = System.nanoTime();
      String mode = mode();
      LOG.info("Starting the test JVM's Kafka broker ({})", mode);
      try {
        broker = start(mode);
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      KafkaBroker started0 = broker;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started0::close, "pitwall-testkit-kafka-shutdown"));
      LOG.info(
          "Started {} at {} in {} ms",
          broker.description(),
          broker.bootstrapServers(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return broker;
  }

  private static KafkaBroker start(String mode) {
    return switch (mode) {
      case "container" -> ContainerKafkaBroker.start();
      case "embedded" -> EmbeddedKraftBroker.start();
      default ->
          throw new IllegalStateException(
              "Invalid value " + mode + " for PITWALL_TEST_KAFKA: use embedded or container");
    };
  }

  private static String mode() {
    String forced = System.getProperty("pitwall.test.kafka", System.getenv("PITWALL_TEST_KAFKA"));
    if (forced != null && !forced.isBlank()) {
      return forced.trim().toLowerCase(Locale.ROOT);
    }
    return ContainerKafkaBroker.dockerAvailable() ? "container" : "embedded";
  }
}
