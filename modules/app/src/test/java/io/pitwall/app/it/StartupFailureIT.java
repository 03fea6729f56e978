package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kafka or the registry unreachable at start: `pitwall run` prints one line that names the setting,
 * the address and how long it waited, and exits with code 1 — no stack trace.
 */
class StartupFailureIT {

  @Test
  void shouldExitWithOneLineWhenKafkaDoesNotAnswer() throws Exception {
    Map<String, String> settings = settings("127.0.0.1:1", TestSchemaRegistry.url());

    String output = runToExit(settings, "no-kafka");

    assertThat(output)
        .contains(
            "pitwall: Kafka did not answer at kafka.bootstrap.servers=127.0.0.1:1 within 5 s");
    assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void shouldExitWithOneLineWhenTheRegistryDoesNotAnswer() throws Exception {
    Map<String, String> settings =
        settings(TestKafka.bootstrapServers(), "http://127.0.0.1:9/apis/ccompat/v7");

    String output = runToExit(settings, "no-registry");

    assertThat(output)
        .contains(
            "pitwall: The schema registry did not answer at"
                + " schema.registry.url=http://127.0.0.1:9/apis/ccompat/v7 within 5 s");
    assertThat(output).doesNotContain("\tat ");
  }

  private static Map<String, String> settings(String kafka, String registry) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", kafka);
    settings.put("schema.registry.url", registry);
    settings.put("topic.prefix", "startup-failure.");
    settings.put("metrics.port", "0");
    settings.put("startup.timeout", "PT5S");
    return settings;
  }

  private static String runToExit(Map<String, String> settings, String name) throws Exception {
    Path dir = Files.createTempDirectory("pitwall-startup-");
    try (EngineProcess engine = EngineProcess.start(settings, dir, name)) {
      int code = engine.waitForExit(Duration.ofSeconds(60));
      assertThat(code).as("exit code; output:%n%s", engine.output()).isEqualTo(1);
      return engine.output();
    }
  }
}
