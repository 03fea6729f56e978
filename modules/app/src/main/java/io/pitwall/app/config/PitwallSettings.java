package io.pitwall.app.config;

import io.pitwall.core.schedule.PollScheduler;
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
  public static final Setting PSN_BASE_URL =
      optional(
          "psn.base.url",
          "https://m.np.playstation.com/api/trophy",
          "PSN Trophy API base URL.",
          SettingChecks::url);
  public static final Setting PSN_AUTH_BASE_URL =
      optional(
          "psn.auth.base.url",
          "https://ca.account.sony.com/api/authz/v3/oauth",
          "PSN OAuth base URL.",
          SettingChecks::url);
  public static final Setting PSN_NPSSO =
      secret(
          "psn.npsso",
          "npsso cookie of the PSN account Pitwall signs in with: the credential named default (a PSN watch needs this or a named one). Secret: never logged.");
  public static final Setting PSN_LANGUAGE =
      optional(
          "psn.language",
          "en-US",
          "Accept-Language for trophy names and descriptions.",
          SettingChecks::nonBlank);
  public static final Setting PSN_BUDGET_REQUESTS =
      optional(
          "psn.budget.requests",
          "300",
          "PSN requests allowed per budget period for the credential (a 429's X-RateLimit-Next-Available overrides).",
          v -> SettingChecks.intRange(v, 1, 1_000_000));
  public static final Setting PSN_BUDGET_PERIOD =
      optional(
          "psn.budget.period",
          "PT15M",
          "PSN budget period (ISO-8601 duration).",
          SettingChecks::positiveDuration);
  public static final Setting PSN_PAGE_SIZE =
      optional(
          "psn.page.size",
          "20",
          "Titles per trophyTitles page in steady state (baselines use 800).",
          v -> SettingChecks.intRange(v, 1, 800));
  public static final Setting GT_BASE_URL =
      optional(
          "gt.base.url",
          "https://www.gran-turismo.com/us/api/gt7sp",
          "GT Sport profile API base URL.",
          SettingChecks::url);
  public static final Setting GT_BUDGET_REQUESTS =
      optional(
          "gt.budget.requests",
          "60",
          "GT Sport profile requests per budget period (be polite: the site publishes no limit).",
          v -> SettingChecks.intRange(v, 1, 1_000_000));
  public static final Setting GT_BUDGET_PERIOD =
      optional(
          "gt.budget.period", "PT1M", "GT Sport budget period.", SettingChecks::positiveDuration);
  public static final Setting GT_DRIVER_CLASSES =
      optional(
          "gt.driver.classes",
          "1=E,2=D,3=C,4=B,5=A,6=A+,7=S",
          "GT Sport driver_class number to Driver Rating letter.",
          SettingChecks::driverClasses);
  public static final Setting GT_SAFETY_THRESHOLDS =
      optional(
          "gt.safety.thresholds",
          "S=80,A=65,B=40,C=20,D=10,E=0",
          "Lowest manner_point of each Safety Rating letter.",
          SettingChecks::safetyThresholds);
  public static final Setting GRIDSTATS_BASE_URL =
      optional(
          "gridstats.base.url",
          "https://gtgridstats.com",
          "gtgridstats API base URL.",
          SettingChecks::url);
  public static final Setting GRIDSTATS_API_KEY =
      secret(
          "gridstats.api.key",
          "Personal gtgridstats API key: the credential named default (a gridstats watch needs this or a named one). Secret: never logged.");
  public static final Setting GRIDSTATS_BUDGET_REQUESTS =
      optional(
          "gridstats.budget.requests",
          "1000",
          "gtgridstats metered requests per budget period (the quota headers cap it).",
          v -> SettingChecks.intRange(v, 1, 1_000_000));
  public static final Setting GRIDSTATS_BUDGET_PERIOD =
      optional(
          "gridstats.budget.period",
          "P1D",
          "gtgridstats budget period.",
          SettingChecks::positiveDuration);
  public static final Setting GRIDSTATS_BATCH_SIZE =
      optional(
          "gridstats.batch.size",
          "16",
          "Drivers per racers request (the API's maximum is 16).",
          v -> SettingChecks.intRange(v, 1, 16));
  public static final Setting GRIDSTATS_TIMEOUT =
      optional(
          "gridstats.request.timeout",
          "PT90S",
          "Timeout of a gtgridstats request; a batch of 16 new drivers takes ~48 s.",
          SettingChecks::positiveDuration);
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

  /** All settings, in documentation order. */
  public static final List<Setting> ALL =
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
          PSN_BASE_URL,
          PSN_AUTH_BASE_URL,
          PSN_NPSSO,
          PSN_LANGUAGE,
          PSN_BUDGET_REQUESTS,
          PSN_BUDGET_PERIOD,
          PSN_PAGE_SIZE,
          GT_BASE_URL,
          GT_BUDGET_REQUESTS,
          GT_BUDGET_PERIOD,
          GT_DRIVER_CLASSES,
          GT_SAFETY_THRESHOLDS,
          GRIDSTATS_BASE_URL,
          GRIDSTATS_API_KEY,
          GRIDSTATS_BUDGET_REQUESTS,
          GRIDSTATS_BUDGET_PERIOD,
          GRIDSTATS_BATCH_SIZE,
          GRIDSTATS_TIMEOUT,
          POLL_INTERVAL,
          POLL_MAX_INTERVAL,
          SCHEDULE_MODE,
          SCHEDULE_PRIOR_CHANGES,
          POLL_CONCURRENCY,
          FAULT_PAUSE_BEFORE_COMMIT,
          FAULT_UNSAFE_SPLIT_TRANSACTIONS);

  /** Prefix of the numbered watch settings {@code watch.1}, {@code watch.2}, ... */
  public static final String WATCH_PREFIX = "watch.";

  /** Prefix of named PSN credentials: {@code psn.npsso.<name>} joins the PSN pool. */
  public static final String PSN_NPSSO_PREFIX = "psn.npsso.";

  /** Prefix of named gtgridstats keys: {@code gridstats.api.key.<name>} joins the pool. */
  public static final String GRIDSTATS_API_KEY_PREFIX = "gridstats.api.key.";

  /** The setting families whose keys carry a name or number after their prefix. */
  public static final List<String> FAMILIES =
      List.of(WATCH_PREFIX, PSN_NPSSO_PREFIX, GRIDSTATS_API_KEY_PREFIX, KafkaClientSettings.PREFIX);

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
