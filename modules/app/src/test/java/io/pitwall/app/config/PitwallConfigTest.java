package io.pitwall.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.WatchDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitwallConfigTest {

  @TempDir Path dir;

  @Test
  void shouldReadAFileAndLetTheEnvironmentWin() throws Exception {
    Path file =
        write(
            "kafka.bootstrap.servers=file:9092\nschema.registry.url=http://registry:8081\npoll.interval=PT1M\n"
                + "psn.npsso=from-file-secret\nwatch.1=psn:123 label=Main backfill=true\n");

    PitwallConfig config =
        PitwallConfig.load(file, Map.of("PITWALL_KAFKA_BOOTSTRAP_SERVERS", "env:9092"));

    assertThat(config.string(PitwallSettings.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("env:9092");
    assertThat(config.duration(PitwallSettings.POLL_INTERVAL)).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.integer(PitwallSettings.METRICS_PORT)).isEqualTo(9404);
    assertThat(config.watches())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.key().toString()).isEqualTo("psn:123");
              assertThat(w.label()).isEqualTo("Main");
              assertThat(w.options().flag("backfill")).isTrue();
            });
    assertThat(config.describe())
        .contains("psn.npsso = ****")
        .doesNotContain("from-file-secret")
        .as("values as given, not as converted")
        .contains("gt.driver.classes = 1=E,2=D,3=C,4=B,5=A,6=A+,7=S  [default]")
        .contains("startup.timeout = PT60S  [default]")
        .contains(
            "kafka.bootstrap.servers = env:9092  [environment PITWALL_KAFKA_BOOTSTRAP_SERVERS]");
  }

  @Test
  void shouldReportEveryProblemAtOnceInKafkasForm() throws Exception {
    Path file =
        write(
            "schema.registry.url=ftp://registry\nmetrics.port=70000\npoll.interval=5 minutes\n"
                + "psn.budget.requests=-1\nwatch.1=psn:12a\nwatch.2=xbox:1\nwatch.3=psn:1 colour=red\nbogus.key=1\n");

    assertThatThrownBy(
            () -> PitwallConfig.load(file, Map.of("PITWALL_PSN_NPSSO", "s3cr3t-npsso-value")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactlyInAnyOrder(
                        "Missing value for configuration kafka.bootstrap.servers (or PITWALL_KAFKA_BOOTSTRAP_SERVERS): Kafka bootstrap servers (host:port,...).",
                        "Invalid value ftp://registry for configuration schema.registry.url: must be an http or https URL with a host",
                        "Invalid value 70000 for configuration metrics.port: must be between 0 and 65535",
                        "Invalid value 5 minutes for configuration poll.interval: not an ISO-8601 duration such as PT30S or PT15M",
                        "Invalid value -1 for configuration psn.budget.requests: must be between 1 and 1000000",
                        "Invalid value psn:12a for configuration watch.1: a PSN account id is 'me' or a number, not '12a'",
                        "Invalid value xbox:1 for configuration watch.2: Unknown source 'xbox': expected one of gridstats, gt, psn",
                        "Invalid value psn:1 colour=red for configuration watch.3: unknown option 'colour=red' for a psn watch (use label=..., backfill=true|false, credential=<name>, enabled=true|false, minInterval=, maxInterval=)",
                        "Invalid value 1 for configuration bogus.key: unknown setting (see the README's configuration reference)"))
        .hasMessageNotContaining("s3cr3t-npsso-value");
  }

  @Test
  void shouldRequireACredentialForPsnWatchesAndRefuseDuplicates() {
    assertThatThrownBy(
            () ->
                PitwallConfig.of(
                    Map.of(
                        "kafka.bootstrap.servers",
                        "k:9092",
                        "schema.registry.url",
                        "http://r:8081",
                        "watch.1",
                        "psn:1",
                        "watch.2",
                        "psn:1")))
        .hasMessageContaining("psn.npsso")
        .hasMessageContaining("psn:1 is watched twice");
  }

  @Test
  void shouldFormCredentialPoolsFromNamedSecretsAndCheckWatchesAgainstThem() throws Exception {
    Path file =
        write(
            "kafka.bootstrap.servers=k:9092\nschema.registry.url=http://r:8081\n"
                + "psn.npsso=first-secret\npsn.npsso.alt=second-secret\n"
                + "schedule.mode=round-robin\npoll.max.interval=PT2H\n"
                + "schedule.prior.changes=2.5\n"
                + "watch.1=psn:123 credential=alt minInterval=PT1M maxInterval=PT30M\nwatch.2=psn:456\n");

    PitwallConfig config =
        PitwallConfig.load(file, Map.of("PITWALL_PSN_NPSSO_THIRD", "third-secret"));

    assertThat(config.credentials("psn"))
        .containsOnlyKeys("default", "alt", "third")
        .containsEntry("third", "third-secret");
    assertThat(config.credentials("gridstats")).isEmpty();
    assertThat(
            config.value(
                PitwallSettings.SCHEDULE_MODE, io.pitwall.core.schedule.SchedulingMode.class))
        .isEqualTo(io.pitwall.core.schedule.SchedulingMode.ROUND_ROBIN);
    assertThat(config.duration(PitwallSettings.POLL_MAX_INTERVAL)).isEqualTo(Duration.ofHours(2));
    assertThat(config.value(PitwallSettings.SCHEDULE_PRIOR_CHANGES, Double.class)).isEqualTo(2.5);
    WatchDefinition pinned = config.watches().get(0);
    assertThat(pinned.credential()).isEqualTo("alt");
    assertThat(pinned.minInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(pinned.maxInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.watches().get(1).credential()).isNull();
    assertThat(config.describe())
        .contains("psn credentials = alt, default, third")
        .doesNotContain("second-secret", "third-secret", "first-secret");

    assertThatThrownBy(
            () ->
                PitwallConfig.load(
                    write(
                        "kafka.bootstrap.servers=k:9092\nschema.registry.url=http://r:8081\n"
                            + "psn.npsso.Bad_Name=leaked-secret\nschedule.mode=fastest\n"
                            + "schedule.prior.changes=0\n"
                            + "watch.1=psn:123 credential=nobody\n"),
                    Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .anyMatch(
                      p -> p.startsWith("Invalid value **** for configuration psn.npsso.Bad_Name"))
                  .anyMatch(
                      p -> p.contains("for configuration schedule.mode: not a scheduling mode"))
                  .anyMatch(
                      p ->
                          p.contains(
                              "Invalid value 0 for configuration schedule.prior.changes: must be above 0.0"))
                  .anyMatch(
                      p ->
                          p.contains(
                              "Invalid value nobody for configuration watch psn:123: no such psn credential"));
              assertThat(String.join("\n", e.problems())).doesNotContain("leaked-secret");
            });
  }

  @Test
  void shouldExplainAnUnreadableFile() {
    assertThatThrownBy(() -> PitwallConfig.load(dir.resolve("missing.properties"), Map.of()))
        .hasMessageContaining("for configuration --config: cannot read it");
  }

  @Test
  void shouldNameEnvironmentVariablesAfterKeys() {
    assertThat(Setting.envName("psn.auth.base.url")).isEqualTo("PITWALL_PSN_AUTH_BASE_URL");
    assertThat(PitwallSettings.METRICS_PORT.envName()).isEqualTo("PITWALL_METRICS_PORT");
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("pitwall.properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void shouldDefaultTheInstanceIdToTheHostNameAndRefuseUnusableIds() throws Exception {
    Map<String, String> base =
        Map.of("kafka.bootstrap.servers", "k:9092", "schema.registry.url", "http://r:8081");
    String expected =
        System.getenv("HOSTNAME") != null && !System.getenv("HOSTNAME").isBlank()
            ? System.getenv("HOSTNAME").trim()
            : java.net.InetAddress.getLocalHost().getHostName();
    assertThat(PitwallConfig.of(base).string(PitwallSettings.INSTANCE_ID)).isEqualTo(expected);

    Map<String, String> named = new java.util.HashMap<>(base);
    named.put("instance.id", " pitwall-7 ");
    assertThat(PitwallConfig.of(named).string(PitwallSettings.INSTANCE_ID)).isEqualTo("pitwall-7");

    named.put("instance.id", "two words");
    assertThatThrownBy(() -> PitwallConfig.of(named))
        .hasMessageContaining("instance.id")
        .hasMessageContaining("may contain only letters, digits");
    assertThat(PitwallConfig.of(base).duration(PitwallSettings.GROUP_SESSION_TIMEOUT))
        .isEqualTo(Duration.ofSeconds(30));
  }
}
