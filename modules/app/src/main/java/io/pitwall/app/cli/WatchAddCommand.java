package io.pitwall.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Adds or updates a watch, validated exactly as the engine will validate it. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add or update a watch.")
final class WatchAddCommand implements Callable<Integer> {
  @Mixin WatchTarget target;

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
}
