package io.pitwall.app.config;

/** Renders the configuration reference as Markdown from {@link PitwallSettings}. */
public final class ConfigReference {

  private ConfigReference() {}

  /** The reference table of every setting. */
  public static String markdown() {
    StringBuilder out =
        new StringBuilder(
            "| key | environment variable | default | description |\n|---|---|---|---|\n");
    for (Setting setting : PitwallSettings.ALL) {
      out.append("| `")
          .append(setting.key())
          .append("` | `")
          .append(setting.envName())
          .append("` | ")
          .append(
              setting.required()
                  ? "required"
                  : setting.defaultValue() == null ? "—" : "`" + setting.defaultValue() + "`")
          .append(" | ")
          .append(setting.doc().replace("|", "\\|"))
          .append(" |\n");
    }
    out.append(
            "| `psn.npsso.<name>` | `PITWALL_PSN_NPSSO_<NAME>` | — | Another PSN identity (name: 1 to 32 letters a-z and digits) joining the PSN credential pool, with its own budget of `psn.budget.requests` per `psn.budget.period`; watches without a credential are spread over the pool. Secret: never logged. |\n")
        .append(
            "| `gridstats.api.key.<name>` | `PITWALL_GRIDSTATS_API_KEY_<NAME>` | — | Another gtgridstats key joining that pool, with its own budget. Secret: never logged. |\n")
        .append(
            "| `kafka.<property>` | `PITWALL_KAFKA_<PROPERTY>` (dots as underscores) | — | A Kafka client property passed through to the producer, the consumers and the admin client, each getting only the properties its own client knows: security (`kafka.security.protocol`, `kafka.sasl.mechanism`, `kafka.sasl.jaas.config`, `kafka.ssl.truststore.location`, ...), timeouts, compression. An unknown property is an error; properties Pitwall owns (`transactional.id`, `enable.idempotence`, `acks`, `max.block.ms`, `transaction.timeout.ms`, `delivery.timeout.ms`, `isolation.level`, `group.id`, `enable.auto.commit`, `auto.offset.reset`, serializers) are refused with the reason. Passwords, keys and JAAS configurations are secrets: masked, never logged. |\n")
        .append(
            "| `watch.<n>` | `PITWALL_WATCH_<N>` | — | A watched account: `psn:<accountId>` (or `psn:me`; options `label=<text>`, `backfill=true`), `gt:<user_no>` (option `label=`) or `gridstats:<psnId>` (options `label=`, `series=<id>,<id>`); every source also takes `credential=<name>` (default: spread over the pool; `psn:me` uses `default`), `minInterval=` and `maxInterval=` (ISO-8601, overriding `poll.interval` and `poll.max.interval`). |\n");
    return out.toString();
  }
}
