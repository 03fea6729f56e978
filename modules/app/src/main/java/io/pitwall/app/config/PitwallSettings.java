package io.pitwall.app.config;

import static io.pitwall.source.api.config.SettingValidators.intRange;
import static io.pitwall.source.api.config.SettingValidators.parsedBy;
import static io.pitwall.source.api.config.SettingValidators.url;

import io.pitwall.core.schedule.PollScheduler;
import io.pitwall.source.api.SourcePlugin;
import io.pitwall.source.api.config.SettingValidator;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Every setting of {@code pitwall run}, declared once as a Kafka {@link ConfigDef}: the kernel's
 * here, each source plugin's in its own {@link SourcePlugin#settings()}. Values are typed by the
 * definition's type and validator (a secret is a {@code PASSWORD}), every problem is reported at
 * once, and the README's configuration reference is generated from the definitions and checked
 * against them.
 */
public final class PitwallSettings {

  /** The kernel's own settings. */
  public static final ConfigDef KERNEL_DEFINITION =
      new ConfigDef()
          .define(
              "kafka.bootstrap.servers",
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              checked(SettingChecks::nonBlank),
              Importance.HIGH,
              "Kafka bootstrap servers (host:port,...).")
          .define(
              "schema.registry.url",
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              url(),
              Importance.HIGH,
              "Confluent-compatible schema registry base URL (Confluent, Apicurio /apis/ccompat/v7, Karapace, Redpanda).")
          .define(
              "schema.registry.basic.auth.user.info",
              Type.PASSWORD,
              null,
              checked(SettingChecks::userInfo),
              Importance.MEDIUM,
              "user:password for the registry's HTTP basic authentication. Secret: never logged.")
          .define(
              "schema.registry.bearer.token",
              Type.PASSWORD,
              null,
              checked(SettingChecks::nonBlank),
              Importance.MEDIUM,
              "A bearer token sent to the registry (Authorization: Bearer ...), e.g. from an OIDC client; not with basic auth. Secret: never logged.")
          .define(
              "schema.registry.ssl.truststore.location",
              Type.STRING,
              null,
              checked(SettingChecks::readableFile),
              Importance.MEDIUM,
              "Truststore (PKCS12 or JKS file) with the CA that signed an https registry's certificate; default: the JVM's trusted CAs.")
          .define(
              "schema.registry.ssl.truststore.password",
              Type.PASSWORD,
              null,
              checked(SettingChecks::nonBlank),
              Importance.MEDIUM,
              "Password of schema.registry.ssl.truststore.location. Secret: never logged.")
          .define(
              "schema.registry.ssl.truststore.type",
              Type.STRING,
              "PKCS12",
              checked(SettingChecks::keystoreType),
              Importance.LOW,
              "Type of the registry truststore: PKCS12 or JKS.")
          .define(
              "topics.create",
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Whether Pitwall creates its topics when they are missing; false for clusters where it may not: it then checks that they exist (the state and watches topics compacted) and names any that are missing or wrong.")
          .define(
              "topic.prefix",
              Type.STRING,
              "pitwall.",
              checked(SettingChecks::topicPrefix),
              Importance.MEDIUM,
              "Prefix of every Pitwall topic.")
          .define(
              "watches.partitions",
              Type.INT,
              12,
              intRange(1, 10_000),
              Importance.MEDIUM,
              "Partitions of the watches and state topics when Pitwall creates them (the state topic is co-partitioned with the watches topic: a watch's state is written to its watch's partition). At start both topics must have the same count; see the README's 'Partitions'.")
          .define(
              "instance.id",
              Type.STRING,
              "",
              checked(SettingChecks::instanceId),
              Importance.MEDIUM,
              "This instance's id, unique in the fleet and stable across its restarts (empty: the host name, which a StatefulSet's pod names make both). Its Kafka transactional.id is <topic.prefix><instance.id> and its static membership of the consumer group <topic.prefix>engine is the id: a second instance started with an id in use fences the first, which stops with an error naming the id.")
          .define(
              "group.session.timeout",
              Type.STRING,
              "PT30S",
              checked(SettingChecks::duration),
              Importance.LOW,
              "How long the consumer group waits for a silent instance (killed, paused, cut off) before its partitions and watches move to the others (Kafka's session.timeout.ms; the broker allows 6 s to 30 min by default). An instance that stood still longer than this stops polling at once when it resumes.")
          .define(
              "metrics.port",
              Type.INT,
              9404,
              intRange(0, 65535),
              Importance.LOW,
              "Port of /metrics (Prometheus text), /health, /health/live and /health/ready; 0 picks a free port.")
          .define(
              "startup.timeout",
              Type.STRING,
              "PT60S",
              checked(SettingChecks::duration),
              Importance.LOW,
              "How long the engine waits at start for Kafka and the schema registry to answer; then `run` prints one line naming the setting and the address and exits with code 1.")
          .define(
              "poll.interval",
              Type.STRING,
              "PT5M",
              checked(SettingChecks::positiveDuration),
              Importance.MEDIUM,
              "Shortest time between two polls of a watch (ISO-8601 duration): adaptive scheduling polls active watches this often while the budget allows; round-robin polls every watch this often at most.")
          .define(
              "poll.max.interval",
              Type.STRING,
              "PT6H",
              checked(SettingChecks::positiveDuration),
              Importance.MEDIUM,
              "Staleness bound: longest time a watch goes without a successful poll while its upstream answers; the scheduler puts watches at risk of missing it first.")
          .define(
              "schedule.mode",
              Type.STRING,
              "adaptive",
              checked(SettingChecks::scheduleMode),
              Importance.MEDIUM,
              "adaptive (spend each token where a change is most likely: bound at risk, never polled, then recent activity; ranked from an index, O(log n) per decision), adaptive-exact (the same order from a pass over every watch each round: the reference the index is measured against, linear in the watches) or round-robin (least recently polled first; the baseline of fixed-interval trackers).")
          .define(
              "schedule.prior.changes",
              Type.DOUBLE,
              PollScheduler.DEFAULT_PRIOR_CHANGES,
              checked(v -> SettingChecks.decimalRange(v, 0, 10_000)),
              Importance.LOW,
              "Adaptive mode: changes a week assumed for every watch on top of those it showed. Larger spreads polls more evenly (the p99 detection latency approaches round-robin's), smaller follows activity more closely (a lower p50, a higher p99); see the scheduling benchmark in the README.")
          .define(
              "poll.concurrency",
              Type.INT,
              4,
              intRange(1, 256),
              Importance.LOW,
              "Polls in flight at once.")
          .define(
              "publish.linger",
              Type.STRING,
              "PT0.005S",
              checked(v -> SettingChecks.durationAtMost(v, java.time.Duration.ofSeconds(1))),
              Importance.LOW,
              "How long the publisher, once free, waits for more polls' results to join one Kafka transaction (0 to 1 s); it stops waiting as soon as every poll that can be in flight (poll.concurrency) has reported. Larger makes fewer, larger transactions; each poll waits at most this much longer for its commit. PT0S commits at once.")
          .define(
              "fault.pause.before.commit",
              Type.STRING,
              "PT0S",
              checked(SettingChecks::duration),
              Importance.LOW,
              "Fault injection for crash tests only: pause inside each open transaction. Leave at PT0S.")
          .define(
              "fault.unsafe.split.transactions",
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "Fault injection for the chaos harness's --unsafe mode only: commit events and states in separate transactions, which breaks exactly-once on a crash. Leave at false.");

  public static final Setting KAFKA_BOOTSTRAP_SERVERS = kernel("kafka.bootstrap.servers");
  public static final Setting SCHEMA_REGISTRY_URL = kernel("schema.registry.url");
  public static final Setting SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
      kernel("schema.registry.basic.auth.user.info");
  public static final Setting SCHEMA_REGISTRY_BEARER_TOKEN = kernel("schema.registry.bearer.token");
  public static final Setting SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION =
      kernel("schema.registry.ssl.truststore.location");
  public static final Setting SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD =
      kernel("schema.registry.ssl.truststore.password");
  public static final Setting SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE =
      kernel("schema.registry.ssl.truststore.type");
  public static final Setting TOPICS_CREATE = kernel("topics.create");
  public static final Setting TOPIC_PREFIX = kernel("topic.prefix");
  public static final Setting WATCHES_PARTITIONS = kernel("watches.partitions");
  public static final Setting INSTANCE_ID = kernel("instance.id");
  public static final Setting GROUP_SESSION_TIMEOUT = kernel("group.session.timeout");
  public static final Setting METRICS_PORT = kernel("metrics.port");
  public static final Setting STARTUP_TIMEOUT = kernel("startup.timeout");
  public static final Setting POLL_INTERVAL = kernel("poll.interval");
  public static final Setting POLL_MAX_INTERVAL = kernel("poll.max.interval");
  public static final Setting SCHEDULE_MODE = kernel("schedule.mode");
  public static final Setting SCHEDULE_PRIOR_CHANGES = kernel("schedule.prior.changes");
  public static final Setting POLL_CONCURRENCY = kernel("poll.concurrency");
  public static final Setting PUBLISH_LINGER = kernel("publish.linger");
  public static final Setting FAULT_PAUSE_BEFORE_COMMIT = kernel("fault.pause.before.commit");
  public static final Setting FAULT_UNSAFE_SPLIT_TRANSACTIONS =
      kernel("fault.unsafe.split.transactions");

  /** The kernel's settings, in documentation order (each source plugin declares its own). */
  public static final List<Setting> KERNEL =
      KERNEL_DEFINITION.configKeys().values().stream().map(DefinedSetting::of).toList();

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
      plugin.settings().configKeys().values().stream().map(DefinedSetting::of).forEach(all::add);
      if (plugin.credentials() != null) {
        all.add(DefinedSetting.of(plugin.credentials()));
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

  private static Setting kernel(String key) {
    return DefinedSetting.of(KERNEL_DEFINITION.configKeys().get(key));
  }

  /** A validator from a kernel check that throws IllegalArgumentException with the reason. */
  private static SettingValidator checked(java.util.function.Function<String, Object> check) {
    return parsedBy(check, "see the description");
  }
}
