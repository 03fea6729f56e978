package io.pitwall.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.config.PitwallConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pitwall demo --fleet-config FILE}: what a second instance is started with. */
class DemoFleetConfigTest {

  @Test
  void shouldWriteWhatTheFleetSharesForItsOwnerOnly(@TempDir Path dir) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kafka.bootstrap.servers", "localhost:1234");
    settings.put("schema.registry.url", "http://localhost:5678/apis/ccompat/v7");
    settings.put("psn.npsso", "simulated-npsso");
    settings.put("metrics.port", "9404");
    settings.put("instance.id", "demo");
    settings.put("watch.1", "psn:1 label=player0");
    Path file = dir.resolve("fleet.properties");

    DemoCommand.writeFleetConfig(settings, file);

    Properties written = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      written.load(in);
    }
    assertThat(written.stringPropertyNames())
        .containsExactlyInAnyOrder(
            "kafka.bootstrap.servers", "schema.registry.url", "psn.npsso", "watch.1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Map<String, String> asRead = new LinkedHashMap<>();
    written.forEach((k, v) -> asRead.put((String) k, (String) v));
    assertThat(PitwallConfig.of(asRead).watches()).hasSize(1);
  }
}
