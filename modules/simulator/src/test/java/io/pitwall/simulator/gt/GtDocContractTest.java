package io.pitwall.simulator.gt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.JsonShapes;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every example of the GT Sport profile and gtgridstats docs ({@code
 * gt-doc-examples/examples.json}, extracted by {@code extract.py}) and checks that each answer has
 * every documented field with its type, including the fields of job 3's JSON-inside-a-string {@code
 * stats}.
 */
class GtDocContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Simulator simulator;
  private static final List<JsonNode> examples = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    try (InputStream in =
        GtDocContractTest.class.getResourceAsStream("/gt-doc-examples/examples.json")) {
      JSON.readTree(in).forEach(examples::add);
    }
    simulator =
        Simulator.start(
            new PsnWorld(),
            PsnSimulatorConfig.defaults(),
            GtTestWorld.docExamples(),
            GtSimulatorConfig.defaults(GtTestWorld.KEY).withStagger(Duration.ofMillis(50)),
            new SimClock());
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedExampleShapeIsServed() {
    return examples.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.path("api").asText()
                        + " "
                        + e.path("method").asText()
                        + " "
                        + e.path("path").asText(),
                    () -> {
                      String base =
                          e.path("api").asText().equals("gt")
                              ? simulator.gtBaseUrl()
                              : simulator.gridstatsBaseUrl();
                      HttpRequest.Builder request =
                          HttpRequest.newBuilder(URI.create(base + e.path("path").asText()))
                              .header("Authorization", "Bearer " + GtTestWorld.KEY);
                      JsonNode payload = e.get("payload");
                      request =
                          e.path("method").asText().equals("POST")
                              ? request
                                  .header("Content-Type", "application/json")
                                  .POST(
                                      HttpRequest.BodyPublishers.ofString(
                                          payload == null || payload.isNull()
                                              ? ""
                                              : payload.toString()))
                              : request.GET();
                      HttpResponse<String> response =
                          HttpClient.newHttpClient()
                              .send(request.build(), HttpResponse.BodyHandlers.ofString());
                      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                      JsonNode served = JSON.readTree(response.body());
                      assertThat(JsonShapes.of(served))
                          .containsAllEntriesOf(JsonShapes.of(e.path("body")));
                      if (e.path("body").has("stats")
                          && e.path("body").path("stats").has("stats")) {
                        JsonNode documentedInner =
                            JSON.readTree(e.path("body").path("stats").path("stats").asText());
                        JsonNode servedInner =
                            JSON.readTree(served.path("stats").path("stats").asText());
                        assertThat(JsonShapes.of(servedInner))
                            .containsAllEntriesOf(JsonShapes.of(documentedInner));
                      }
                    }));
  }
}
