package io.pitwall.app.config;

import io.pitwall.core.schedule.PollScheduler;
import io.pitwall.source.api.SourcePlugin;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Every setting of {@code pitwall run}, declared once. The README's configuration reference is
 * generated from this list and checked against it.
 */
public final class PitwallSettings {

  public static final Setting KAFKA_BOOTSTRAP_SERVERS =
      required(
          "kafka.bootstrap.servers",
          "Kafka bootstrap servers (host:port,...).",
          SettingChecks::nonBlank);
  public static final Setting SCHEMA_REGISTRY_URL =
      required(
          "schema.registry.url",
          "Confluent-compatible schema registry base URL (Confluent, Apicurio /apis/ccompat/v7, Karapace, Redpanda).",
          SettingChecks::url);
  public static final Setting SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
      new Setting(
          "schema.registry.basic.auth.user.info",
          null,
          false,
          true,
          "user:password for the registry's HTTP basic authentication. Secret: never logged.",
          SettingChecks::userInfo);
  public static final Setting SCHEMA_REGISTRY_BEARER_TOKEN =
      secret(
          "schema.registry.bearer.token",
          "A bearer token sent to the registry (Authorization: Bearer ...), e.g. from an OIDC client; not with basic auth. Secret: never logged.");
  public static final Setting SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION =
      new Setting(
          "schema.registry.ssl.truststore.location",
          null,
          false,
          false,
          "Truststore (PKCS12 or JKS file) with the CA that signed an https registry's certificate; default: the JVM's trusted CAs.",
          SettingChecks::readableFile);
  public static final Setting SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD =
      secret(
          "schema.registry.ssl.truststore.password",
          "Password of schema.registry.ssl.truststore.location. Secret: never logged.");
  public static final Setting SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE =
      optional(
          "schema.registry.ssl.truststore.type",
          "PKCS12",
          "Type of the registry truststore: PKCS12 or JKS.",
          SettingChecks::keystoreType);
  public static final Setting TOPICS_CREATE =
      optional(
          "topics.create",
          "true",
          "Whether Pitwall creates its topics when they are missing; false for clusters where it may not: it then checks that they exist (the state and watches topics compacted) and names any that are missing or wrong.",
          SettingChecks::bool);
  public static final Setting TOPIC_PREFIX =
      optional(
          "topic.prefix", "pitwall.", "Prefix of every Pitwall topic.", SettingChecks::topicPrefix);
  public static final Setting INSTANCE_ID =
      optional(
          "instance.id",
          "pitwall-0",
          "This instance's stable id; its Kafka transactional.id is <topic.prefix><instance.id>. Keep it across restarts.",
          SettingChecks::nonBlank);
  public static final Setting METRICS_PORT =
      optional(
          "metrics.port",
          "9404",
          "Port of /metrics (Prometheus text), /health, /health/live and /health/ready; 0 picks a free port.",
          v -> SettingChecks.intRange(v, 0, 65535));
  public static final Setting STARTUP_TIMEOUT =
      optional(
          "startup.timeout",
          "PT60S",
          "How long the engine waits at start for Kafka and the schema registry to answer; then `run` prints one line naming the setting and the address and exits with code 1.",
          SettingChecks::duration);
  public static final Setting POLL_INTERVAL =
      optional(
          "poll.interval",
          "PT5M",
          "Shortest time between two polls of a watch (ISO-8601 duration): adaptive scheduling polls active watches this often while the budget allows; round-robin polls every watch this often at most.",
          SettingChecks::positiveDuration);
  public static final Setting POLL_MAX_INTERVAL =
      optional(
          "poll.max.interval",
          "PT6H",
          "Staleness bound: longest time a watch goes without a successful poll while its upstream answers; the scheduler puts watches at risk of missing it first.",
          SettingChecks::positiveDuration);
  public static final Setting SCHEDULE_MODE =
      optional(
          "schedule.mode",
          "adaptive",
          "adaptive (spend each token where a change is most likely: bound at risk, never polled, then recent activity) or round-robin (least recently polled first; the baseline of fixed-interval trackers).",
          SettingChecks::scheduleMode);
  public static final Setting SCHEDULE_PRIOR_CHANGES =
      optional(
          "schedule.prior.changes",
          BigDecimal.valueOf(PollScheduler.DEFAULT_PRIOR_CHANGES)
              .stripTrailingZeros()
              .toPlainString(),
          "Adaptive mode: changes a week assumed for every watch on top of those it showed. Larger spreads polls more evenly (the p99 detection latency approaches round-robin's), smaller follows activity more closely (a lower p50, a higher p99); see the scheduling benchmark in the README.",
          v -> SettingChecks.decimalRange(v, 0, 10_000));
  public static final Setting POLL_CONCURRENCY =
      optional(
          "poll.concurrency",
          "4",
          "Polls in flight at once.",
          v -> SettingChecks.intRange(v, 1, 256));
  public static final Setting FAULT_PAUSE_BEFORE_COMMIT =
      optional(
          "fault.pause.before.commit",
          "PT0S",
          "Fault injection for crash tests only: pause inside each open transaction. Leave at PT0S.",
          SettingChecks::duration);
  public static final Setting FAULT_UNSAFE_SPLIT_TRANSACTIONS =
      optional(
          "fault.unsafe.split.transactions",
          "false",
          "Fault injection for the chaos harness's --unsafe mode only: commit events and states in separate transactions, which breaks exactly-once on a crash. Leave at false.",
          SettingChecks::bool);

  /** The kernel's settings, in documentation order (each source plugin declares its own). */
  public static final List<Setting> KERNEL =
      List.of(
          KAFKA_BOOTSTRAP_SERVERS,
          SCHEMA_REGISTRY_URL,
          SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
          SCHEMA_REGISTRY_BEARER_TOKEN,
          SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION,
          SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD,
          SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE,
          TOPICS_CREATE,
          TOPIC_PREFIX,
          INSTANCE_ID,
          METRICS_PORT,
          STARTUP_TIMEOUT,
          POLL_INTERVAL,
          POLL_MAX_INTERVAL,
          SCHEDULE_MODE,
          SCHEDULE_PRIOR_CHANGES,
          POLL_CONCURRENCY,
          FAULT_PAUSE_BEFORE_COMMIT,
          FAULT_UNSAFE_SPLIT_TRANSACTIONS);

  /** Prefix of the numbered watch settings {@code watch.1}, {@code watch.2}, ... */
  public static final String WATCH_PREFIX = "watch.";

  /**
   * Every setting: the kernel's, then each installed source plugin's own settings and the plain
   * setting of its credential pool ({@code psn.npsso}).
   */
  public static List<Setting> all() {
    return ALL;
  }

  private static final List<Setting> ALL = collect();

  private static List<Setting> collect() {
    List<Setting> all = new java.util.ArrayList<>(KERNEL);
    for (SourcePlugin plugin : SourcePlugins.installed().all()) {
      plugin.settings().configKeys().values().stream().map(PluginSetting::of).forEach(all::add);
      if (plugin.credentials() != null) {
        all.add(PluginSetting.of(plugin.credentials()));
      }
    }
    return List.copyOf(all);
  }

  /**
   * The setting families whose keys carry a name or number after their prefix: watches, Kafka
   * client properties, and each plugin's named credentials ({@code psn.npsso.<name>}).
   */
  public static List<String> families() {
    List<String> families = new java.util.ArrayList<>(List.of(WATCH_PREFIX));
    for (SourcePlugin plugin : SourcePlugins.installed().all()) {
      if (plugin.credentials() != null) {
        families.add(plugin.credentials().namedPrefix());
      }
    }
    families.add(KafkaClientSettings.PREFIX);
    return families;
  }

  private PitwallSettings() {}

  private static Setting required(String key, String doc, Function<String, Object> check) {
    return new Setting(key, null, true, false, doc, check);
  }

  private static Setting optional(
      String key, String defaultValue, String doc, Function<String, Object> check) {
    return new Setting(key, defaultValue, false, false, doc, check);
  }

  private static Setting secret(String key, String doc) {
    return new Setting(key, null, false, true, doc, SettingChecks::nonBlank);
  }
}
