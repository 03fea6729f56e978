package io.pitwall.app.config;

/** Renders the configuration reference as Markdown from {@link PitwallSettings}. */
public final class ConfigReference {

  private ConfigReference() {}

  /** The reference table of every setting. */
  public static String markdown() {
    StringBuilder out =
        new StringBuilder(
            "| key | environment variable | default | description |\n|---|---|---|---|\n");
    for (Setting setting : PitwallSettings.all()) {
      out.append("| `")
          .append(setting.key())
          .append("` | `")
          .append(setting.envName())
          .append("` | ")
          .append(
              setting.required()
                  ? "required"
                  : setting.defaultValue() == null
                      ? "—"
                      : setting.defaultValue().toString().isEmpty()
                          ? "empty"
                          : "`" + setting.defaultValue() + "`")
          .append(" | ")
          .append(setting.doc().replace("|", "\\|"))
          .append(" |\n");
    }
    for (io.pitwall.source.api.SourcePlugin plugin : SourcePlugins.installed().all()) {
      if (plugin.credentials() != null) {
        String family = plugin.credentials().namedPrefix() + "<name>";
        out.append("| `")
            .append(family)
            .append("` | `")
            .append(Setting.envName(plugin.credentials().namedPrefix()))
            .append("<NAME>` | — | Another ")
            .append(plugin.id())
            .append(" credential (name: 1 to 32 letters a-z and digits) joining the ")
            .append(plugin.id())
            .append(
                " credential pool, with its own budget; watches without a credential are spread"
                    + " over the pool. Secret: never logged. |\n");
      }
    }
    out.append(
            "| `kafka.<property>` | `PITWALL_KAFKA_<PROPERTY>` (dots as underscores) | — | A Kafka client property passed through to the producer, the consumers and the admin client, each getting only the properties its own client knows: security (`kafka.security.protocol`, `kafka.sasl.mechanism`, `kafka.sasl.jaas.config`, `kafka.ssl.truststore.location`, ...), timeouts, compression. An unknown property is an error; properties Pitwall owns (`transactional.id`, `enable.idempotence`, `acks`, `max.block.ms`, `transaction.timeout.ms`, `delivery.timeout.ms`, `isolation.level`, `group.id`, `enable.auto.commit`, `auto.offset.reset`, serializers) are refused with the reason. Passwords, keys and JAAS configurations are secrets: masked, never logged. |\n")
        .append("| `watch.<n>` | `PITWALL_WATCH_<N>` | — | A watched account, ")
        .append(watchForms())
        .append(
            "; every source also takes `label=<text>` (at most 100 printable characters),"
                + " `credential=<name>` (default: spread over the pool; `psn:me` uses"
                + " `default`), `enabled=true|false`, `minInterval=` and `maxInterval=` (ISO-8601,"
                + " at most 30 days, overriding `poll.interval` and `poll.max.interval`). |\n");
    return out.toString();
  }

  /** Each source's watch form and options: {@code `psn:<accountId>` (options backfill=...)}. */
  private static String watchForms() {
    java.util.List<String> forms = new java.util.ArrayList<>();
    for (io.pitwall.source.api.SourcePlugin plugin : SourcePlugins.installed().all()) {
      String options =
          plugin.options().isEmpty()
              ? ""
              : " (options "
                  + String.join(
                      ", ", plugin.options().stream().map(o -> "`" + o.usage() + "`").toList())
                  + ")";
      forms.add("`" + plugin.id() + ":<accountId>`" + options);
    }
    return String.join(", ", forms);
  }
}
