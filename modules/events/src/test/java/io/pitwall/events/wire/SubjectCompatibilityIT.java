package io.pitwall.events.wire;

import static io.pitwall.events.schema.SchemaEdits.addField;
import static io.pitwall.events.schema.SchemaEdits.edited;
import static io.pitwall.events.schema.SchemaEdits.field;
import static io.pitwall.events.schema.SchemaEdits.removeField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.events.TrophyEarned;
import io.pitwall.testkit.TestSchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Against a real Apicurio Registry (Confluent-compatible API): every subject Pitwall registers
 * under is FULL_TRANSITIVE, so the registry refuses an incompatible next version as the build's
 * SchemaGuard does. The registry's answers are read with plain HTTP, not through the client under
 * test.
 */
class SubjectCompatibilityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SUBJECTS = new AtomicInteger();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /** The 0.1 envelope's source: an enum, which 0.2 made a string. */
  private static final String SOURCE_ENUM_0_1 =
      "{\"type\": \"enum\", \"name\": \"EventSource\", \"symbols\": [\"psn\", \"gt\","
          + " \"gridstats\"]}";

  private final String url = TestSchemaRegistry.url();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String subject = "compat-it-" + SUBJECTS.incrementAndGet() + "-value";

  @Test
  void shouldLeaveEverySubjectItRegistersFullTransitive() throws Exception {
    new ConfluentRestRegistryClient(url).register(subject, TrophyEarned.getClassSchema());

    assertThat(get("config/" + subject).get("compatibilityLevel").asText())
        .isEqualTo("FULL_TRANSITIVE");
    assertThat(new ConfluentRestRegistryClient(url).compatibility(subject))
        .isEqualTo("FULL_TRANSITIVE");
  }

  @Test
  void shouldSetTheCompatibilityIdempotentlyAcrossProcesses() throws Exception {
    int first =
        new ConfluentRestRegistryClient(url).register(subject, TrophyEarned.getClassSchema());
    int again =
        new ConfluentRestRegistryClient(url).register(subject, TrophyEarned.getClassSchema());

    assertThat(again).isEqualTo(first);
    assertThat(get("subjects/" + subject + "/versions").size()).isEqualTo(1);
    assertThat(get("config/" + subject).get("compatibilityLevel").asText())
        .isEqualTo("FULL_TRANSITIVE");
  }

  @Test
  void shouldHaveTheRegistryRefuseAnIncompatibleNextVersionWithAClearError() throws Exception {
    ConfluentRestRegistryClient client = new ConfluentRestRegistryClient(url);
    client.register(subject, TrophyEarned.getClassSchema());
    Schema withoutTrophyName =
        edited(TrophyEarned.getClassSchema(), json -> removeField(json, "trophyName"));

    assertThatThrownBy(() -> client.register(subject, withoutTrophyName))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageStartingWith(
            "The schema registry refused io.pitwall.events.TrophyEarned under subject "
                + subject
                + ": it is not FULL_TRANSITIVE compatible with the versions registered there"
                + " before")
        .hasMessageContaining("trophyName")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409))
        .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isFalse());
    assertThat(get("subjects/" + subject + "/versions").size()).isEqualTo(1);
  }

  @Test
  void shouldAcceptACompatibleNextVersion() throws Exception {
    ConfluentRestRegistryClient client = new ConfluentRestRegistryClient(url);
    int first = client.register(subject, TrophyEarned.getClassSchema());
    Schema withNewOptionalField =
        edited(
            TrophyEarned.getClassSchema(),
            json ->
                addField(
                    json,
                    "{\"name\": \"trophyProgress\", \"type\": [\"null\", \"int\"], \"default\":"
                        + " null}"));

    int second = client.register(subject, withNewOptionalField);

    assertThat(second).isNotEqualTo(first);
    assertThat(get("subjects/" + subject + "/versions").size()).isEqualTo(2);
  }

  /**
   * What an operator upgrading from 0.1 meets: 0.1 registered without setting a compatibility
   * level, and its envelope's source was an enum.
   */
  @Test
  void shouldRefuseToRegisterOverA01SubjectUntilItIsDeleted() throws Exception {
    Schema trophyEarned01 =
        edited(
            TrophyEarned.getClassSchema(),
            json ->
                field((ObjectNode) field(json, "envelope").get("type"), "source")
                    .set("type", read(SOURCE_ENUM_0_1)));
    int id01 = post("subjects/" + subject + "/versions", trophyEarned01).get("id").asInt();

    assertThatThrownBy(
            () ->
                new ConfluentRestRegistryClient(url)
                    .register(subject, TrophyEarned.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("under subject " + subject + ": it is not FULL_TRANSITIVE compatible")
        .hasMessageContaining("a subject written by Pitwall 0.1 must be deleted");

    // DELETE /subjects/<subject>: Apicurio soft-deletes the 0.1 version; its id still resolves
    assertThat(send("DELETE", "subjects/" + subject).statusCode()).isEqualTo(200);
    int id02 =
        new ConfluentRestRegistryClient(url).register(subject, TrophyEarned.getClassSchema());

    assertThat(id02).isNotEqualTo(id01);
    assertThat(get("subjects/" + subject + "/versions").toString()).isEqualTo("[2]");
    assertThat(get("subjects/" + subject + "/versions?deleted=true").toString()).isEqualTo("[1,2]");
    assertThat(new ConfluentRestRegistryClient(url).schemaById(id01)).isEqualTo(trophyEarned01);
    assertThat(get("config/" + subject).get("compatibilityLevel").asText())
        .isEqualTo("FULL_TRANSITIVE");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send("GET", path);
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode post(String path, Schema schema) throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/" + path))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + "/" + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
