package io.pitwall.simulator.gt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GtSimulatorBehaviourTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private Simulator simulator;
  private GtWorld world;

  @BeforeEach
  void start() {
    world = GtTestWorld.docExamples();
    for (int i = 0; i < 20; i++) {
      world.addGridDriver(
          "driver" + i, "D" + i, "C", "A", 5000 + i, true, Instant.parse("2026-01-01T00:00:00Z"));
    }
    simulator =
        Simulator.start(
            new PsnWorld(),
            PsnSimulatorConfig.defaults(),
            world,
            GtSimulatorConfig.defaults(GtTestWorld.KEY)
                .withQuota(5, Duration.ofHours(1))
                .withStagger(Duration.ofMillis(250)),
            new SimClock());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void shouldRefuseMissingOrWrongKeysButServeRegionsUnmetered() throws Exception {
    assertThat(get("/api/racers/skino2024", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/racers/skino2024", "wrong").statusCode()).isEqualTo(401);
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> regions = get("/api/assets/regions", GtTestWorld.KEY);
      assertThat(regions.statusCode()).isEqualTo(200);
      assertThat(regions.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
    }
  }

  @Test
  void shouldMeterWithQuotaHeadersAndAnswer429WhenSpent() throws Exception {
    for (int i = 5; i >= 1; i--) {
      HttpResponse<String> ok = get("/api/racers/skino2024", GtTestWorld.KEY);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("X-RateLimit-Remaining"))
          .contains(Integer.toString(i - 1));
      assertThat(ok.headers().firstValue("X-RateLimit-Limit")).contains("5");
    }
    HttpResponse<String> spent = get("/api/racers/skino2024", GtTestWorld.KEY);
    assertThat(spent.statusCode()).isEqualTo(429);
    assertThat(spent.headers().firstValue("Retry-After")).isPresent();
    simulator.clock().advance(Duration.ofHours(1));
    assertThat(get("/api/racers/skino2024", GtTestWorld.KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLimitRacerLookupsTo16AndListUnknownIds() throws Exception {
    StringBuilder seventeen = new StringBuilder("driver0");
    for (int i = 1; i < 17; i++) {
      seventeen.append(",driver").append(i % 20);
    }
    seventeen.append(",nobody");
    assertThat(get("/api/racers/" + seventeen, GtTestWorld.KEY).statusCode()).isEqualTo(422);
    JsonNode found = JSON.readTree(get("/api/racers/skino2024,nobody", GtTestWorld.KEY).body());
    assertThat(found.path("not_found").get(0).asText()).isEqualTo("nobody");
    assertThat(found.path("count").asInt()).isEqualTo(1);
    assertThat(found.at("/drivers/0/stats/dr_points").asLong()).isEqualTo(11027);
  }

  @Test
  void shouldStaggerDriversNotYetIndexed() throws Exception {
    world.addGridDriver(
        "fresh1", "F1", "E", "B", 100, false, Instant.parse("2026-01-01T00:00:00Z"));
    world.addGridDriver(
        "fresh2", "F2", "E", "B", 100, false, Instant.parse("2026-01-01T00:00:00Z"));
    long started = System.nanoTime();
    assertThat(get("/api/racers/fresh1,fresh2,skino2024", GtTestWorld.KEY).statusCode())
        .isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldRefusePrivateJobsWrongMethodsAndAnswerEmptyForUnknownUsers() throws Exception {
    assertThat(profile("POST", "user_no=9568550&job=7").statusCode()).isEqualTo(401);
    assertThat(profile("GET", "user_no=9568550&job=1").statusCode()).isEqualTo(405);
    assertThat(profile("POST", "job=1").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = profile("POST", "user_no=1&job=3");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).isEqualTo("{}");
    JsonNode stats = JSON.readTree(profile("POST", "user_no=9568550&job=3").body()).path("stats");
    assertThat(stats.path("driver_class").asText()).isEqualTo("4");
    assertThat(JSON.readTree(stats.path("stats").asText()).path("nickname").asText())
        .isEqualTo("xGranadier");
  }

  @Test
  void shouldParseDotsOutOfCarClassesAndRefuseIllegalSeriesIds() throws Exception {
    JsonNode gr3 = JSON.readTree(get("/api/assets/manufacturer/78/Gr3", GtTestWorld.KEY).body());
    assertThat(gr3.path("class").asText()).isEqualTo("Gr.3");
    assertThat(gr3.path("count").asInt()).isPositive();
    assertThat(get("/api/series-15a4/drivers/skino2024", GtTestWorld.KEY).statusCode())
        .isEqualTo(404);
    JsonNode page = JSON.readTree(get("/api/assets/cars", GtTestWorld.KEY).body());
    assertThat(page.path("next_page_url").asText()).endsWith("/api/assets/cars?page=2");
  }

  private HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.gridstatsBaseUrl() + path));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> profile(String method, String query) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(simulator.gtBaseUrl() + "/profile?" + query))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
