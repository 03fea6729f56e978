package io.pitwall.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped-jar check finds test-only code where it is, and only there. */
class ShippedJarTest {

  @Test
  void shouldNameJunitAndKafkaTestKitEntries(@TempDir Path dir) throws IOException {
    Path jar =
        jar(
            dir.resolve("bad.jar"),
            "io/pitwall/app/Pitwall.class",
            "org/junit/jupiter/api/Test.class",
            "kafka/server/KafkaRaftServer.class",
            "org/apache/kafka/common/test/KafkaClusterTestKit.class",
            "org/apache/kafka/common/utils/Time.class");

    assertThat(ShippedJar.forbiddenEntries(jar))
        .containsExactly(
            "org/junit/jupiter/api/Test.class",
            "org/apache/kafka/common/test/KafkaClusterTestKit.class");
  }

  @Test
  void shouldFindNothingInAJarWithoutTestCode(@TempDir Path dir) throws IOException {
    Path jar =
        jar(
            dir.resolve("good.jar"),
            "io/pitwall/runtime/KraftBroker.class",
            "kafka/server/KafkaRaftServer.class",
            "org/apache/kafka/common/utils/Time.class",
            "org/apache/kafka/clients/admin/Admin.class");

    assertThat(ShippedJar.entries(jar)).hasSize(4);
    assertThat(ShippedJar.forbiddenEntries(jar)).isEmpty();
  }

  private static Path jar(Path path, String... entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(path);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
        zip.closeEntry();
      }
    }
    return path;
  }
}
