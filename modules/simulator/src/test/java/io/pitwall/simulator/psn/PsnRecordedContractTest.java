package io.pitwall.simulator.psn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every request of the real recorded PSN traffic ({@code recorded-psn/}, from PSNAWP's
 * cassettes) against the simulator, in recorded order, and checks that each answer has the same
 * status and exactly the same JSON shape as the real service's (and, for the OAuth redirects, the
 * same kind of Location). The world is built from the recorded responses themselves.
 */
class PsnRecordedContractTest {

  private static final String ME = "2721516955383551246";
  private static final String NPSSO = "recorded-npsso";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CASSETTES =
      List.of(
          "test_authenticator__access_token_from_refresh_token",
          "test_authenticator__authentication",
          "test_authenticator__incorrect_npsso",
          "test_client__trophies",
          "test_client__trophies_with_progress",
          "test_client__trophy_groups_summary",
          "test_client__trophy_groups_summary_with_progress",
          "test_client__trophy_summary",
          "test_client__trophy_titles",
          "test_client__trophy_titles_for_title",
          "test_exception__exception_parsing",
          "test_game_title__trophies",
          "test_game_title__trophies_game_not_owned_by_user",
          "test_game_title__trophies_invalid_np_communication_id",
          "test_game_title__trophy_groups_summary",
          "test_game_title__trophy_groups_summary_game_not_owned_by_user",
          "test_game_title__trophy_groups_summary_invalid_np_communication_id",
          "test_user__trophies",
          "test_user__trophies_pagination_test",
          "test_user__trophies_with_progress_forbidden",
          "test_user__trophy_groups_summary",
          "test_user__trophy_groups_summary_forbidden",
          "test_user__trophy_summary",
          "test_user__trophy_summary_forbidden",
          "test_user__trophy_titles",
          "test_user__trophy_titles_for_title",
          "test_user__trophy_titles_for_title_forbidden",
          "test_user__trophy_titles_forbidden",
          "test_user__trophy_titles_pagination_test");

  /** One recorded request and the real answer. */
  record Interaction(
      String cassette,
      int index,
      String method,
      String uri,
      String body,
      int status,
      String location,
      JsonNode json) {}

  private static Simulator simulator;
  private static PsnTestClient client;
  private static final List<Interaction> interactions = new ArrayList<>();

  @BeforeAll
  static void startSimulatorWithTheRecordedWorld() throws IOException {
    TrafficImporter importer = new TrafficImporter(ME, "VaultTec-Co");
    for (String cassette : CASSETTES) {
      try (InputStream in =
          PsnRecordedContractTest.class.getResourceAsStream(
              "/recorded-psn/" + cassette + ".json")) {
        int index = 0;
        for (JsonNode interaction : JSON.readTree(in).path("interactions")) {
          JsonNode request = interaction.path("request");
          JsonNode response = interaction.path("response");
          String text = response.path("body").path("string").asText("");
          JsonNode json = text.isBlank() ? null : JSON.readTree(text);
          JsonNode location = response.path("headers").path("Location");
          Interaction recorded =
              new Interaction(
                  cassette,
                  index++,
                  request.path("method").asText(),
                  request.path("uri").asText(),
                  request.path("body").asText(""),
                  response.path("status").path("code").asInt(),
                  location.isArray() ? location.get(0).asText() : null,
                  json);
          interactions.add(recorded);
          importer.observe(recorded.uri(), null, recorded.status(), json);
        }
      }
    }
    simulator =
        Simulator.start(importer.build(NPSSO), PsnSimulatorConfig.defaults(), new SimClock());
    client = new PsnTestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedRequestGetsTheRecordedStatusAndShape() {
    Session session = new Session();
    return interactions.stream()
        .map(
            i ->
                DynamicTest.dynamicTest(
                    i.cassette() + " #" + i.index() + " " + i.method() + " " + shortUri(i.uri()),
                    () -> {
                      PsnTestClient.Answer answer = session.replay(i);
                      assertThat(answer.status()).as(answer.raw().body()).isEqualTo(i.status());
                      if (i.json() != null) {
                        assertThat(answer.json()).as("JSON body").isNotNull();
                        assertThat(JsonShapes.of(answer.json())).isEqualTo(JsonShapes.of(i.json()));
                        for (String paging :
                            List.of("nextOffset", "previousOffset", "totalItemCount")) {
                          assertThat(answer.json().path(paging))
                              .as(paging)
                              .isEqualTo(i.json().path(paging));
                        }
                      }
                      if (i.location() != null) {
                        assertThat(answer.header("Location")).isNotNull();
                        if (i.location().contains("error=login_required")) {
                          assertThat(answer.header("Location"))
                              .contains("error=login_required")
                              .contains("error_code=4165");
                        } else {
                          assertThat(answer.header("Location"))
                              .matches(
                                  "com\\.scee\\.psxandroid\\.scecompcall://redirect/\\?code=v3\\.[^&]+&cid=.+");
                        }
                      }
                    }));
  }

  /**
   * Replays requests with this session's own npsso, code and tokens in place of the redacted ones.
   */
  private static final class Session {
    String code;
    String accessToken;
    String refreshToken;

    PsnTestClient.Answer replay(Interaction i) {
      URI uri = URI.create(i.uri());
      String pathAndQuery =
          uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      if (pathAndQuery.startsWith(PsnAuthApi.PREFIX + "/authorize")) {
        String npsso = i.cassette().contains("incorrect_npsso") ? "expired-npsso" : NPSSO;
        PsnTestClient.Answer answer = client.get(pathAndQuery, Map.of("Cookie", "npsso=" + npsso));
        if (answer.status() == 302 && answer.header("Location").contains("code=")) {
          code = PsnTestClient.code(answer);
        }
        return answer;
      }
      if (pathAndQuery.startsWith(PsnAuthApi.PREFIX + "/token")) {
        PsnTestClient.Answer answer =
            code != null ? client.exchange(code) : client.refresh(refreshToken);
        code = null;
        if (answer.status() == 200) {
          accessToken = answer.json().path("access_token").asText();
          refreshToken = answer.json().path("refresh_token").asText();
        }
        return answer;
      }
      if (accessToken == null) {
        accessToken = client.signIn(NPSSO).path("access_token").asText();
      }
      return client.get(pathAndQuery, accessToken);
    }
  }

  private static String shortUri(String uri) {
    return uri.length() > 140 ? uri.substring(0, 140) + "…" : uri;
  }
}
