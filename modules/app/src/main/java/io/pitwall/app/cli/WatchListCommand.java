package io.pitwall.app.cli;

import io.pitwall.app.config.ConfigException;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.core.WatchDefinition;
import io.pitwall.kafka.TopicSnapshot;
import io.pitwall.kafka.watches.WatchRecord;
import io.pitwall.kafka.watches.WatchRecordParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the current watches of the topic. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the watches of the topic, whether the engine holds a state for each, which"
            + " instance of the fleet polls each (its partition's owner in the consumer group),"
            + " and each watch's last status (from the watch-status topic).")
final class WatchListCommand implements Callable<Integer> {
  @Mixin WatchTarget target;

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
    int partitions = Math.max(1, TopicSnapshot.partitionCount(cluster.consumer(), target.topic()));
    Map<Integer, String> owners =
        watches.isEmpty()
            ? Map.of()
            : GroupOwners.of(cluster.admin(), cluster.prefix() + "engine", target.topic());
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
                        : " " + statuses.getOrDefault(key, "status=PENDING (not polled yet)"))
                    + " owner="
                    + owners.getOrDefault(
                        io.pitwall.kafka.watches.WatchPartitioner.partition(key, partitions),
                        "(none)")));
    return 0;
  }
}
