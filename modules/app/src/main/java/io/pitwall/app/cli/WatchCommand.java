package io.pitwall.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.app.config.ConfigException;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.core.WatchDefinition;
import io.pitwall.kafka.TopicSnapshot;
import io.pitwall.kafka.watches.WatchRecord;
import io.pitwall.kafka.watches.WatchRecordParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pitwall watch add|remove|list}: manage watches through the watches topic. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Add, remove and list watches (the watches topic).",
    subcommands = {
      WatchCommand.Add.class,
      WatchCommand.Remove.class,
      WatchCommand.ListWatches.class
    })
public final class WatchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: use add, remove or list");
  }

  /** Prints why a record would be rejected; true when it would be. */
  static boolean refused(WatchRecord parsed, String key) {
    if (parsed instanceof WatchRecord.Rejected bad) {
      System.err.println(
          "Invalid value " + key + " for watch: " + bad.message() + " (" + bad.reason() + ")");
      return true;
    }
    return false;
  }

  /** Where the watches topic is. */
  static final class Target {
    /** How long a watch may take to reach Kafka before the command gives up, exit code 1. */
    static final java.time.Duration SEND_TIMEOUT = java.time.Duration.ofSeconds(15);

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description =
            "The engine's properties file: Kafka with its kafka.* security settings, the registry"
                + " and the topic prefix are taken from it (and from the environment, as for run).")
    java.nio.file.Path config;

    @Option(
        names = "--bootstrap-servers",
        description =
            "Kafka (default: from --config, $PITWALL_KAFKA_BOOTSTRAP_SERVERS or localhost:9092)")
    String bootstrapServers;

    @Option(
        names = "--topic-prefix",
        description = "Topic prefix (default: from --config, $PITWALL_TOPIC_PREFIX or pitwall.)")
    String prefix;

    private ClusterConnection cluster;

    /** The resolved connection; throws ConfigException when the settings are invalid. */
    ClusterConnection cluster(String registryUrl) {
      if (cluster == null) {
        cluster = ClusterConnection.resolve(config, bootstrapServers, registryUrl, prefix);
      }
      return cluster;
    }

    String topic() {
      return cluster(null).prefix() + "watches";
    }

    /**
     * Validates the record exactly as the engine will, then writes it; exit code 2 when refused.
     *
     * @param value the JSON value, or null for a tombstone
     * @param done what happened, for the confirmation line
     */
    int write(String key, byte[] value, String done) throws Exception {
      try {
        cluster(null);
      } catch (ConfigException e) {
        return ClusterConnection.refuse(e);
      }
      WatchRecord parsed =
          new WatchRecordParser(SourcePlugins.installed().watchParser(null))
              .parse(key.getBytes(StandardCharsets.UTF_8), value);
      if (refused(parsed, key)) {
        return 2;
      }
      try {
        send(key, value);
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        return notTaken();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
          return notTaken();
        }
        System.err.println(
            "pitwall: Kafka refused the watch: " + e.getCause().getClass().getSimpleName());
        return 1;
      }
      System.out.println("Watch " + key + " " + done + " " + topic());
      return 0;
    }

    private int notTaken() {
      System.err.println(
          "pitwall: Kafka at "
              + cluster(null).producer().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
              + " did not take the watch within "
              + SEND_TIMEOUT.toSeconds()
              + " s: is it reachable, and does "
              + topic()
              + " exist? (the engine creates its topics when it starts; with"
              + " topics.create=false an administrator does)");
      return 1;
    }

    private void send(String key, byte[] value) throws Exception {
      Map<String, Object> config = new java.util.HashMap<>(cluster(null).producer());
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
      // the delivery timeout must cover linger and one request
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
        // the watch's partition, set explicitly: its state is written to the same one
        int partition =
            io.pitwall.kafka.watches.WatchPartitioner.partition(
                key, producer.partitionsFor(topic()).size());
        producer
            .send(
                new ProducerRecord<>(
                    topic(), partition, key.getBytes(StandardCharsets.UTF_8), value))
            .get();
      }
    }
  }

  /** Adds or updates a watch, validated exactly as the engine will validate it. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or update a watch.")
  static final class Add implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(
        paramLabel = "KEY",
        description = "<source>:<accountId>, e.g. psn:me, gt:9568550, gridstats:skino2024")
    String key;

    @Option(names = "--label", description = "Label carried in every event.")
    String label;

    @Option(
        names = {"-o", "--option"},
        paramLabel = "NAME=VALUE",
        description =
            "An option the watch's source declares (repeatable): a flag as name=true, a list as"
                + " name=a,b; e.g. backfill=true (psn), series=1564,1565 (gridstats).")
    Map<String, String> options;

    @Option(names = "--series", split = ",", description = "Shortcut for --option series=<ids>.")
    List<String> series;

    @Option(names = "--backfill", description = "Shortcut for --option backfill=true.")
    boolean backfill;

    @Option(names = "--disabled", description = "Keep the watch but do not poll it.")
    boolean disabled;

    @Option(
        names = "--credential",
        description = "Credential name to poll with (default: spread over the source's pool).")
    String credential;

    @Option(
        names = "--min-interval",
        description = "Shortest time between two polls, e.g. PT1M (default: poll.interval).")
    String minInterval;

    @Option(
        names = "--max-interval",
        description = "Staleness bound, e.g. PT1H (default: poll.max.interval).")
    String maxInterval;

    @Override
    public Integer call() throws Exception {
      int colon = key.indexOf(':');
      ObjectNode value =
          new ObjectMapper()
              .createObjectNode()
              .put("source", colon < 0 ? "" : key.substring(0, colon))
              .put("accountId", colon < 0 ? key : key.substring(colon + 1));
      if (label != null) {
        value.put("label", label);
      }
      Map<String, String> given = new java.util.LinkedHashMap<>();
      if (options != null) {
        given.putAll(options);
      }
      if (series != null) {
        given.put("series", String.join(",", series));
      }
      if (backfill) {
        given.put("backfill", "true");
      }
      given.forEach((name, text) -> putOption(value, name, text));
      if (disabled) {
        value.put("enabled", false);
      }
      if (credential != null) {
        value.put("credential", credential);
      }
      if (minInterval != null) {
        value.put("minInterval", minInterval);
      }
      if (maxInterval != null) {
        value.put("maxInterval", maxInterval);
      }
      return target.write(key, value.toString().getBytes(StandardCharsets.UTF_8), "written to");
    }
  }

  /**
   * An option as the source declares it: a flag as a boolean, a list as an array; anything else as
   * text, for the watch parser to refuse with its reason.
   */
  static void putOption(ObjectNode value, String name, String text) {
    String source = value.path("source").asText();
    io.pitwall.core.WatchOption declared =
        io.pitwall.app.config.SourcePlugins.installed().byId(source).stream()
            .flatMap(p -> p.options().stream())
            .filter(o -> o.name().equals(name))
            .findFirst()
            .orElse(null);
    if (declared == null) {
      value.put(name, text);
    } else if (declared.kind() == io.pitwall.core.WatchOption.Kind.FLAG) {
      if (text.equals("true") || text.equals("false")) {
        value.put(name, Boolean.parseBoolean(text));
      } else {
        value.put(name, text);
      }
    } else {
      com.fasterxml.jackson.databind.node.ArrayNode list = value.putArray(name);
      for (String item : text.split(",", -1)) {
        list.add(item);
      }
    }
  }

  /** Removes a watch (tombstone). */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a watch (its state is tombstoned too).")
  static final class Remove implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "KEY", description = "<source>:<accountId>")
    String key;

    @Override
    public Integer call() throws Exception {
      return target.write(key, null, "removed from");
    }
  }

  /** Lists the current watches of the topic. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the watches of the topic, whether the engine holds a state for each, and each"
              + " watch's last status (from the watch-status topic).")
  static final class ListWatches implements Callable<Integer> {
    @Mixin Target target;

    @Option(
        names = "--schema-registry-url",
        description =
            "Registry to decode watch statuses with (default: from --config or"
                + " $PITWALL_SCHEMA_REGISTRY_URL); without one, statuses are not shown")
    String registryUrl;

    @Override
    public Integer call() {
      ClusterConnection cluster;
      try {
        cluster = target.cluster(registryUrl);
      } catch (ConfigException e) {
        return ClusterConnection.refuse(e);
      }
      boolean withStatuses =
          registryUrl != null
              || target.config != null
              || System.getenv("PITWALL_SCHEMA_REGISTRY_URL") != null;
      WatchRecordParser parser = new WatchRecordParser(SourcePlugins.installed().watchParser(null));
      Map<String, WatchDefinition> watches = new TreeMap<>();
      TopicSnapshot.readToEnd(cluster.consumer(), target.topic())
          .forEach(
              r -> {
                WatchRecord parsed = parser.parse(r.key(), r.value());
                if (parsed instanceof WatchRecord.Upsert upsert) {
                  watches.put(upsert.watch().key().toString(), upsert.watch());
                } else if (parsed instanceof WatchRecord.Remove remove) {
                  watches.remove(remove.key().toString());
                }
              });
      Set<String> withState = new java.util.HashSet<>();
      TopicSnapshot.readToEnd(cluster.consumer(), cluster.prefix() + "state")
          .forEach(
              r -> {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                if (r.value() == null) {
                  withState.remove(key);
                } else {
                  withState.add(key);
                }
              });
      Map<String, String> statuses =
          withStatuses
              ? LastWatchStatuses.read(cluster.consumer(), cluster.prefix(), cluster.registry())
              : Map.of();
      if (watches.isEmpty()) {
        System.out.println("No watches in " + target.topic());
      }
      watches.forEach(
          (key, w) ->
              System.out.println(
                  key
                      + (w.label() == null ? "" : " label=" + w.label())
                      + w.options().describe()
                      + (w.enabled() ? "" : " (disabled)")
                      + (withState.contains(key) ? " [baselined]" : " [no state yet]")
                      + (!withStatuses
                          ? ""
                          : " " + statuses.getOrDefault(key, "status=PENDING (not polled yet)"))));
      return 0;
    }
  }
}
