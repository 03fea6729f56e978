package io.pitwall.app.cli;

import io.pitwall.app.config.ConfigException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pitwall tail TOPIC...}: decodes and prints events. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description =
        "Decode and print the events of one or more topics (read_committed), one line each.")
public final class TailCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "TOPIC",
      description = "Topics, e.g. pitwall.psn.trophy-earned")
  List<String> topics;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The engine's properties file: Kafka with its kafka.* security settings and the registry"
              + " with its credentials are taken from it (and from the environment, as for run).")
  java.nio.file.Path config;

  @Option(
      names = "--bootstrap-servers",
      description =
          "Kafka (default: from --config, $PITWALL_KAFKA_BOOTSTRAP_SERVERS or localhost:9092)")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      description =
          "Schema registry (default: from --config, $PITWALL_SCHEMA_REGISTRY_URL or"
              + " http://localhost:8081)")
  String registryUrl;

  @Option(
      names = "--from-beginning",
      description = "Start at the oldest record instead of new ones only.")
  boolean fromBeginning;

  @Override
  public Integer call() throws InterruptedException {
    ClusterConnection cluster;
    try {
      cluster = ClusterConnection.resolve(config, bootstrapServers, registryUrl, null);
    } catch (ConfigException e) {
      return ClusterConnection.refuse(e);
    }
    CountDownLatch forever = new CountDownLatch(1);
    try (EventTail tail =
        new EventTail(
            cluster.consumer(),
            cluster.registry(),
            topics,
            fromBeginning,
            event -> System.out.println(EventLine.format(event)),
            error -> System.err.println(error))) {
      Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
      forever.await();
    }
    return 0;
  }
}
