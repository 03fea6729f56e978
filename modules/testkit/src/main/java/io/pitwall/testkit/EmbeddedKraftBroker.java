package io.pitwall.testkit;

import io.pitwall.runtime.KraftBroker;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft broker (combined broker and controller) in this JVM, from Kafka's own test
 * kit. Configured for one node: every internal topic has replication factor 1, or consumer groups
 * and transactions would wait forever for replicas that never come.
 */
public final class EmbeddedKraftBroker implements KafkaBroker {

  /**
   * Broker settings a single-node cluster needs: the runtime's ({@link
   * KraftBroker#SINGLE_NODE_SETTINGS}), so that the test brokers and the demo's run alike.
   */
  public static final Map<String, String> SINGLE_NODE_SETTINGS = KraftBroker.SINGLE_NODE_SETTINGS;

  private final KafkaClusterTestKit cluster;

  private EmbeddedKraftBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Formats and starts a fresh single-node cluster and waits until its broker is ready. */
  public static EmbeddedKraftBroker start() {
    try {
      KafkaClusterTestKit.Builder builder =
          new KafkaClusterTestKit.Builder(
              new TestKitNodes.Builder()
                  // our own directory: the kit's default one is deleted by a JVM shutdown hook
                  // that races the broker's own shutdown
                  .setBaseDirectory(java.nio.file.Files.createTempDirectory("pitwall-kraft-"))
                  .setCombined(true)
                  .setNumBrokerNodes(1)
                  .setNumControllerNodes(1)
                  .build());
      SINGLE_NODE_SETTINGS.forEach(builder::setConfigProp);
      KafkaClusterTestKit cluster = builder.setDeleteOnClose(true).build();
      formatQuietly(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKraftBroker(cluster);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the embedded broker", e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the embedded KRaft broker", e);
    }
  }

  /** Kafka's storage formatter prints to standard output; keep the demo's output readable. */
  private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
    java.io.PrintStream out = System.out;
    synchronized (System.class) {
      System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      try {
        cluster.format();
      } finally {
        System.setOut(out);
      }
    }
  }

  @Override
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public String description() {
    return "embedded KRaft broker (Kafka " + TestkitVersions.KAFKA + ")";
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the embedded KRaft broker", e);
    }
  }
}
