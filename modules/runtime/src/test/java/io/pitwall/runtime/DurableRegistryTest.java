package io.pitwall.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable registry keeps its schemas and their ids across a restart; an in-memory one does not
 * (so the test can tell the two apart).
 */
class DurableRegistryTest {

  private static final String SCHEMA =
      "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
  private static final String OTHER =
      "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Other\\\",\\\"fields\\\":[{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"long\\\"}]}\"}";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldKeepSchemaIdsAcrossARestartWhenDurable(@TempDir Path dir) throws Exception {
    ApicurioRegistryProcess registry = ApicurioRegistryProcess.startDurable(dir.resolve("reg"));
    try {
      register(registry, "warmup-value", OTHER);
      int id = register(registry, "probe-value", SCHEMA);
      registry = registry.restart();
      assertThat(Files.list(dir.resolve("reg")).toList()).isNotEmpty();
      assertThat(schemaById(registry, id)).contains("Probe");
      assertThat(register(registry, "probe-value", SCHEMA))
          .as("the same schema under the same subject keeps its id")
          .isEqualTo(id);
    } finally {
      registry.close();
    }
  }

  @Test
  void shouldKeepSchemaIdsWhenTheProcessIsKilled(@TempDir Path dir) throws Exception {
    ApicurioRegistryProcess registry = ApicurioRegistryProcess.startDurable(dir.resolve("reg"));
    try {
      register(registry, "warmup-value", OTHER);
      int id = register(registry, "probe-value", SCHEMA);
      // SIGKILL: no shutdown hook closes the database, so only what each commit wrote survives
      ProcessHandle.of(registry.pid()).orElseThrow().destroyForcibly();
      registry = registry.restart();
      assertThat(schemaById(registry, id))
          .as("an acknowledged registration survives a killed registry")
          .contains("Probe");
      assertThat(register(registry, "other-value", SCHEMA.replace("Probe", "Later")))
          .as("the next schema gets a new id, never a reused one")
          .isGreaterThan(id);
    } finally {
      registry.close();
    }
  }

  @Test
  void shouldForgetSchemasAcrossARestartWhenInMemory() throws Exception {
    ApicurioRegistryProcess registry = ApicurioRegistryProcess.start();
    try {
      register(registry, "warmup-value", OTHER);
      int id = register(registry, "probe-value", SCHEMA);
      registry = registry.restart();
      assertThat(registry.durable()).isFalse();
      assertThat(status(registry, "/schemas/ids/" + id)).isEqualTo(404);
    } finally {
      registry.close();
    }
  }

  private int register(ApicurioRegistryProcess registry, String subject, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(registry.confluentApiUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher m = ID.matcher(response.body());
    assertThat(m.find()).as(response.body()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private String schemaById(ApicurioRegistryProcess registry, int id)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + "/schemas/ids/" + id))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private int status(ApicurioRegistryProcess registry, String path)
      throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
