package io.pitwall.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a Testcontainers container, used when a Docker engine is available. */
public final class ContainerKafkaBroker implements KafkaBroker {

  private final KafkaContainer container;

  private ContainerKafkaBroker(KafkaContainer container) {
    this.container = container;
  }

  /** True when Testcontainers can reach a Docker engine. Never throws. */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Starts the pinned Kafka image and waits until it is ready. */
  public static ContainerKafkaBroker start() {
    KafkaContainer container = new KafkaContainer(TestkitVersions.KAFKA_IMAGE);
    EmbeddedKraftBroker.SINGLE_NODE_SETTINGS.forEach(
        (key, value) ->
            container.withEnv(
                "KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
    container.start();
    return new ContainerKafkaBroker(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public String description() {
    return "Testcontainers broker (" + TestkitVersions.KAFKA_IMAGE + ")";
  }

  @Override
  public void close() {
    container.stop();
  }
}
