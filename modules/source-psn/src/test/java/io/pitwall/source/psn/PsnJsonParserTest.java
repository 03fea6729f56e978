package io.pitwall.source.psn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.core.PollOutcome;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The client's parser reads every response body of the real recorded PSN traffic. */
class PsnJsonParserTest {

  private static final String[] CASSETTES = {
    "test_client__trophies",
    "test_client__trophies_with_progress",
    "test_client__trophy_groups_summary",
    "test_client__trophy_titles",
    "test_game_title__trophies",
    "test_game_title__trophy_groups_summary",
    "test_game_title__trophies_invalid_np_communication_id",
    "test_user__trophies",
    "test_user__trophies_pagination_test",
    "test_user__trophies_with_progress_forbidden",
    "test_user__trophy_groups_summary",
    "test_user__trophy_titles",
    "test_user__trophy_titles_forbidden",
    "test_user__trophy_titles_pagination_test",
    "test_exception__exception_parsing"
  };

  record Recorded(String name, String path, int status, String body) {}

  @TestFactory
  Stream<DynamicTest> parsesEveryRecordedTrophyResponse() throws IOException {
    List<Recorded> recorded = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String cassette : CASSETTES) {
      try (InputStream in =
          PsnJsonParserTest.class.getResourceAsStream("/recorded-psn/" + cassette + ".json")) {
        int i = 0;
        for (JsonNode interaction : json.readTree(in).path("interactions")) {
          String uri = interaction.at("/request/uri").asText();
          recorded.add(
              new Recorded(
                  cassette + " #" + i++,
                  URI.create(uri).getPath(),
                  interaction.at("/response/status/code").asInt(),
                  interaction.at("/response/body/string").asText()));
        }
      }
    }
    return recorded.stream()
        .filter(r -> r.path().startsWith("/api/trophy/") || r.status() >= 400)
        .map(r -> DynamicTest.dynamicTest(r.name() + " " + r.path(), () -> check(r)));
  }

  private static void check(Recorded r) {
    Buffer body = Buffer.buffer(r.body());
    if (r.status() != 200) {
      assertThat(PsnJsonParser.errorCode(body)).isIn(2240525, 2240526, 2281473);
      return;
    }
    String path = r.path();
    if (path.endsWith("/trophyTitles") && !path.contains("/titles/")) {
      TitlePage page = PsnJsonParser.titles(body);
      assertThat(page.totalItemCount()).isGreaterThanOrEqualTo(page.entries().size());
      page.entries().forEach(e -> assertThat(e.serviceName()).isIn("trophy", "trophy2"));
    } else if (path.contains("/users/") && path.endsWith("/trophies")) {
      PsnJsonParser.earned(body).earned().forEach(t -> assertThat(t.earnedAt()).isNotNull());
    } else if (path.endsWith("/trophies")) {
      TitleMetadata meta = PsnJsonParser.metadata(body, Map.of());
      assertThat(meta.trophies()).isNotEmpty();
    } else if (path.endsWith("/trophyGroups") && !path.contains("/users/")) {
      assertThat(PsnJsonParser.groupNames(body)).containsKey("default");
    }
  }

  @Test
  void shouldReadThe2053TitleAccountPage() throws IOException {
    try (InputStream in =
        getClass()
            .getResourceAsStream("/recorded-psn/test_user__trophy_titles_pagination_test.json")) {
      JsonNode last = new ObjectMapper().readTree(in).path("interactions").get(42);
      TitlePage page =
          PsnJsonParser.titles(Buffer.buffer(last.at("/response/body/string").asText()));
      assertThat(page.entries()).hasSize(3);
      assertThat(page.nextOffset()).isNull();
      assertThat(page.totalItemCount()).isEqualTo(2053);
    }
  }

  @Test
  void shouldNameTheFieldOfAMalformedAnswer() {
    assertMalformed(
        "{\"trophyTitles\": [{\"npServiceName\": \"trophy2\"}], \"totalItemCount\": 1}",
        "trophyTitles[0].npCommunicationId missing");
    assertMalformed("{\"trophyTitles\": {}, \"totalItemCount\": 1}", "trophyTitles not an array");
    assertMalformed(
        "<html><body>Service Unavailable</body></html>", "not a JSON object (starts with '<html>");
    assertMalformed("{\"trophyTitles\": [", "not a JSON object");
    assertMalformed("", "empty body");
    String wrongDate =
        "{\"trophyTitles\": [{\"npServiceName\": \"trophy2\", \"npCommunicationId\": \"N\", \"trophySetVersion\": \"1\","
            + "\"trophyTitleName\": \"x\", \"trophyTitlePlatform\": \"PS5\", \"hasTrophyGroups\": false, \"lastUpdatedDateTime\": \"yesterday\","
            + "\"earnedTrophies\": {\"bronze\": 1, \"silver\": 0, \"gold\": 0, \"platinum\": 0}}], \"totalItemCount\": 1}";
    assertMalformed(
        wrongDate, "trophyTitles[0].lastUpdatedDateTime 'yesterday' is not an ISO-8601 instant");
    assertMalformed(
        wrongDate
            .replace("yesterday", "2020-01-01T00:00:00Z")
            .replace("\"bronze\": 1", "\"bronze\": \"1\""),
        "trophyTitles[0].earnedTrophies.bronze not an integer");
    assertMalformed(
        wrongDate
            .replace("yesterday", "2020-01-01T00:00:00Z")
            .replace("\"trophy2\"", "\"trophy3\""),
        "'trophy3' is neither trophy nor trophy2");
  }

  private static void assertMalformed(String body, String message) {
    assertThatThrownBy(() -> PsnJsonParser.titles(Buffer.buffer(body)))
        .isInstanceOf(PsnException.class)
        .hasMessageContaining(message)
        .satisfies(
            e -> assertThat(((PsnException) e).outcome()).isEqualTo(PollOutcome.UPSTREAM_ERROR));
  }
}
