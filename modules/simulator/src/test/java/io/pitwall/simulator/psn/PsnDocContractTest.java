package io.pitwall.simulator.psn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every example request of the PSN Trophy API v2 doc against the simulator and checks that
 * the answer has every documented field, with the documented type. The world is built from the
 * examples themselves (see {@link TrafficImporter}); the fixture {@code examples.json} is extracted
 * from the doc by {@code psn-doc-examples/extract.py}.
 */
class PsnDocContractTest {

  static final String ME = "1000000000000000001";
  static final String NPSSO = "doc-npsso";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SACKBOY =
      "/api/trophy/v1/npCommunicationIds/NPWR19950_00/trophyGroups/all/trophies";
  private static final String ALLSTARS =
      "/api/trophy/v1/npCommunicationIds/NPWR22792_00/trophyGroups/all/trophies";
  private static final String MY_SACKBOY =
      "/api/trophy/v1/users/me/npCommunicationIds/NPWR19950_00/trophyGroups/all/trophies";

  private static Simulator simulator;
  private static PsnTestClient client;
  private static String token;
  private static List<JsonNode> examples;

  @BeforeAll
  static void startSimulatorWithTheDocWorld() throws IOException {
    try (InputStream in =
        PsnDocContractTest.class.getResourceAsStream("/psn-doc-examples/examples.json")) {
      examples = new ArrayList<>();
      JSON.readTree(in).forEach(examples::add);
    }
    TrafficImporter importer = new TrafficImporter(ME, "DocUser");
    for (JsonNode example : examples) {
      switch (example.path("kind").asText()) {
        case "response", "graphql" -> {
          String url = example.path("url").asText();
          importer.observe(
              url.startsWith("/api/graphql/") ? encodeQuery(url) : url,
              text(example, "acceptLanguage"),
              200,
              example.path("body"));
        }
        case "fragment" -> {
          String url = fragmentUrl(example);
          if (url != null) {
            importer.observe(url, null, 200, wrapFragment(url, example.path("body")));
          }
        }
        default -> {}
      }
    }
    simulator =
        Simulator.start(importer.build(NPSSO), PsnSimulatorConfig.defaults(), new SimClock());
    client = new PsnTestClient(simulator);
    token = client.signIn(NPSSO).path("access_token").asText();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedResponseShapeIsServed() {
    return examples.stream()
        .filter(e -> List.of("response", "graphql").contains(e.path("kind").asText()))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.path("heading").asText() + " " + e.path("url").asText(),
                    () -> {
                      PsnTestClient.Answer answer =
                          request(e.path("url").asText(), text(e, "acceptLanguage"));
                      assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
                      assertThat(JsonShapes.of(answer.json()))
                          .containsAllEntriesOf(JsonShapes.of(e.path("body")));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedFragmentShapeIsServed() {
    return examples.stream()
        .filter(e -> e.path("kind").asText().equals("fragment") && fragmentUrl(e) != null)
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.path("heading").asText(),
                    () -> {
                      String url = fragmentUrl(e);
                      PsnTestClient.Answer answer = request(url, null);
                      assertThat(answer.status()).isEqualTo(200);
                      JsonNode served = null;
                      for (JsonNode trophy : answer.json().path("trophies")) {
                        if (trophy.path("trophyId").asInt()
                            == e.path("body").path("trophyId").asInt()) {
                          served = trophy;
                        }
                      }
                      assertThat(served).as("trophy of the fragment").isNotNull();
                      assertThat(JsonShapes.of(served)).isEqualTo(JsonShapes.of(e.path("body")));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> acceptLanguageChoosesTheTrophyTexts() {
    return examples.stream()
        .filter(e -> !e.path("acceptLanguage").isNull() && e.has("acceptLanguage"))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.path("heading").asText(),
                    () -> {
                      PsnTestClient.Answer german =
                          request(e.path("url").asText(), text(e, "acceptLanguage"));
                      PsnTestClient.Answer english = request(e.path("url").asText(), "en-US");
                      String documented =
                          e.path("body").path("trophies").get(0).path("trophyName").asText();
                      assertThat(german.json().path("trophies").get(0).path("trophyName").asText())
                          .isEqualTo(documented);
                      assertThat(english.json().path("trophies").get(0).path("trophyName").asText())
                          .isNotEqualTo(documented);
                      assertThat(german.header("Vary")).isEqualTo("Accept-Language");
                    }));
  }

  private static PsnTestClient.Answer request(String url, String language) {
    if (url.startsWith("/api/graphql/")) {
      return client.get(
          encodeQuery(url),
          Map.of(
              "Authorization",
              "Bearer " + token,
              "apollographql-client-name",
              "PlayStationApp-Android"));
    }
    return language == null
        ? client.get(url, token)
        : client.get(url, Map.of("Authorization", "Bearer " + token, "Accept-Language", language));
  }

  /** The doc writes the GraphQL variables unencoded; a real client percent-encodes them. */
  private static String encodeQuery(String url) {
    int q = url.indexOf('?');
    StringBuilder encoded = new StringBuilder(url.substring(0, q + 1));
    for (String part : url.substring(q + 1).split("&")) {
      int eq = part.indexOf('=');
      if (encoded.charAt(encoded.length() - 1) != '?') {
        encoded.append('&');
      }
      encoded
          .append(part, 0, eq + 1)
          .append(
              java.net.URLEncoder.encode(
                  part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return encoded.toString();
  }

  /** Where a documented fragment (an extract without its request) is served. */
  private static String fragmentUrl(JsonNode example) {
    JsonNode body = example.path("body");
    String heading = example.path("heading").asText();
    if (heading.contains("NPWR19950_00")) {
      return body.has("earned") ? MY_SACKBOY : SACKBOY;
    }
    if (heading.contains("NPWR22792_00")) {
      return ALLSTARS;
    }
    return null;
  }

  private static JsonNode wrapFragment(String url, JsonNode fragment) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("trophySetVersion", "01.00").put("hasTrophyGroups", false);
    if (url.equals(MY_SACKBOY)) {
      body.put("lastUpdatedDateTime", fragment.path("progressedDateTime").asText());
    }
    body.putArray("trophies").add(fragment);
    return body;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
