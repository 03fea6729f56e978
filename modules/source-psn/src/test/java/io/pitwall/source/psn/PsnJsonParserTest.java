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
        "trophyTitles[0].npCommunicationId: missing");
    assertMalformed("{\"trophyTitles\": {}, \"totalItemCount\": 1}", "trophyTitles: not an array");
    assertMalformed(
        "<html><body>Service Unavailable</body></html>", "body: not JSON (starts with '<html>");
    assertMalformed("{\"trophyTitles\": [", "body: malformed JSON");
    assertMalformed("", "body: empty");
    String wrongDate =
        "{\"trophyTitles\": [{\"npServiceName\": \"trophy2\", \"npCommunicationId\": \"N\", \"trophySetVersion\": \"1\","
            + "\"trophyTitleName\": \"x\", \"trophyTitlePlatform\": \"PS5\", \"hasTrophyGroups\": false, \"lastUpdatedDateTime\": \"yesterday\","
            + "\"earnedTrophies\": {\"bronze\": 1, \"silver\": 0, \"gold\": 0, \"platinum\": 0}}], \"totalItemCount\": 1}";
    assertMalformed(
        wrongDate, "trophyTitles[0].lastUpdatedDateTime: 'yesterday' is not an ISO-8601 instant");
    assertMalformed(
        wrongDate
            .replace("yesterday", "2020-01-01T00:00:00Z")
            .replace("\"bronze\": 1", "\"bronze\": \"1\""),
        "trophyTitles[0].earnedTrophies.bronze: not an integer");
    assertMalformed(
        wrongDate
            .replace("yesterday", "2020-01-01T00:00:00Z")
            .replace("\"trophy2\"", "\"trophy3\""),
        "trophyTitles[0].npServiceName: 'trophy3' is neither trophy nor trophy2");
  }

  private static final String TITLE =
      "{\"npServiceName\": \"trophy2\", \"npCommunicationId\": \"NPWR1_00\", \"trophySetVersion\": \"01.00\","
          + " \"trophyTitleName\": \"x\", \"trophyTitlePlatform\": \"PS5\", \"hasTrophyGroups\": false,"
          + " \"lastUpdatedDateTime\": \"2020-01-01T00:00:00Z\","
          + " \"earnedTrophies\": {\"bronze\": 1, \"silver\": 0, \"gold\": 0, \"platinum\": 0}}";

  private static final String TROPHY =
      "{\"trophyId\": 7, \"trophyHidden\": false, \"trophyType\": \"gold\", \"trophyName\": \"n\","
          + " \"trophyDetail\": \"d\", \"trophyIconUrl\": \"https://i\", \"trophyGroupId\": \"default\"}";

  @Test
  void shouldNameThePathOfAMissingNullOrWrongTypedRequiredFieldInEveryAnswer() {
    assertMalformed(
        "{\"trophyTitles\": ["
            + TITLE
            + ", "
            + TITLE.replace("\"NPWR1_00\"", "null")
            + "],"
            + " \"totalItemCount\": 2}",
        "Unexpected PSN response: trophyTitles[1].npCommunicationId: null");
    assertMalformed(
        "{\"trophyTitles\": [], \"totalItemCount\": \"many\"}", "totalItemCount: not an integer");
    assertMalformed(
        "{\"trophyTitles\": [" + TITLE.replace("false", "\"no\"") + "], \"totalItemCount\": 1}",
        "trophyTitles[0].hasTrophyGroups: not a boolean");
    assertMalformed(
        "{\"trophyTitles\": ["
            + TITLE.replace("\"silver\": 0", "\"silver\": -1")
            + "],"
            + " \"totalItemCount\": 1}",
        "trophyTitles[0].earnedTrophies.silver: negative count -1");
    assertMalformed("{\"trophyTitles\": [null], \"totalItemCount\": 1}", "trophyTitles[0]: null");

    assertFails(
        () -> PsnJsonParser.earned(body("{\"trophies\": [{\"trophyId\": 1, \"earned\": true}]}")),
        "trophies[0].earnedDateTime: missing on an earned trophy");
    assertFails(
        () ->
            PsnJsonParser.earned(
                body("{\"trophies\": [{\"trophyId\": \"1\", \"earned\": false}]}")),
        "trophies[0].trophyId: not an integer");
    assertFails(
        () ->
            PsnJsonParser.earned(
                body(
                    "{\"trophies\": [{\"trophyId\": 1, \"earned\": true,"
                        + " \"earnedDateTime\": \"2020-01-01T00:00:00Z\", \"trophyEarnedRate\": \"often\"}]}")),
        "trophies[0].trophyEarnedRate: 'often' is not a number");
    assertFails(
        () ->
            PsnJsonParser.metadata(
                body(
                    "{\"trophySetVersion\": \"01.00\", \"trophies\": ["
                        + TROPHY
                        + ", "
                        + TROPHY.replace("\"n\"", "null")
                        + "]}"),
                Map.of()),
        "trophies[1].trophyName: null");
    assertFails(
        () ->
            PsnJsonParser.metadata(
                body(
                    "{\"trophySetVersion\": \"01.00\", \"trophies\": ["
                        + TROPHY.replace("gold", "wood")
                        + "]}"),
                Map.of()),
        "trophies[0].trophyType: 'wood' is not a trophy grade");
    assertFails(
        () -> PsnJsonParser.metadata(body("{\"trophies\": [" + TROPHY + "]}"), Map.of()),
        "trophySetVersion: missing");
    assertFails(
        () ->
            PsnJsonParser.groupNames(
                body(
                    "{\"trophyGroups\": [{\"trophyGroupId\": \"default\", \"trophyGroupName\": 5}]}")),
        "trophyGroups[0].trophyGroupName: not a string");
  }

  @Test
  void shouldIgnoreFieldsItDoesNotKnow() {
    TitlePage page =
        PsnJsonParser.titles(
            body(
                "{\"trophyTitles\": ["
                    + TITLE.replace(
                        "\"hasTrophyGroups\"",
                        "\"trophyGroupCount\": 3, \"futureField\": {\"deep\": [1, \"two\"]}, \"hasTrophyGroups\"")
                    + "], \"totalItemCount\": 1, \"previousOffset\": 0, \"somethingNew\": true}"));
    assertThat(page.entries())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.npCommunicationId()).isEqualTo("NPWR1_00");
              assertThat(t.earned().bronze()).isEqualTo(1);
              assertThat(t.hidden()).isFalse();
            });

    TitleMetadata meta =
        PsnJsonParser.metadata(
            body(
                "{\"trophySetVersion\": \"01.00\", \"hasTrophyGroups\": false, \"trophies\": ["
                    + TROPHY.replace(
                        "}",
                        ", \"trophyProgressTargetValue\": \"10\", \"trophyEarnedRate\": \"3.0\"}")
                    + "], \"totalItemCount\": 1}"),
            Map.of("default", "Base game"));
    assertThat(meta.trophies().get(7).groupName()).isEqualTo("Base game");
  }

  @Test
  void shouldReadTheTokenAnswerAndNameItsBadFieldWithoutQuotingATokenValue() {
    PsnJsonParser.Tokens tokens =
        PsnJsonParser.tokens(
            body(
                "{\"access_token\": \"eyJaccess.secret\", \"token_type\": \"bearer\", \"expires_in\": 3599,"
                    + " \"scope\": \"psn:mobile.v2.core\", \"id_token\": \"eyJid.secret\","
                    + " \"refresh_token\": \"refresh.secret\", \"refresh_token_expires_in\": 5183999}"));
    assertThat(tokens.accessToken()).isEqualTo("eyJaccess.secret");
    assertThat(tokens.expiresIn()).isEqualTo(3599);
    assertThat(tokens.refreshTokenExpiresIn()).isEqualTo(5_183_999L);
    assertThat(tokens.toString()).doesNotContain("secret");

    assertFails(
        () -> PsnJsonParser.tokens(body("{\"expires_in\": 3599}")),
        "Unexpected PSN token response: access_token: missing");
    assertThatThrownBy(
            () ->
                PsnJsonParser.tokens(
                    body(
                        "{\"access_token\": \"eyJaccess.secret\", \"expires_in\": \"eyJsoon.secret\"}")))
        .isInstanceOf(PsnException.class)
        .hasMessage("Unexpected PSN token response: expires_in: not an integer")
        .satisfies(e -> assertThat(e).hasNoCause());
  }

  private static Buffer body(String json) {
    return Buffer.buffer(json);
  }

  private static void assertFails(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable parse, String message) {
    assertThatThrownBy(parse)
        .isInstanceOf(PsnException.class)
        .hasMessageContaining(message)
        .satisfies(
            e -> assertThat(((PsnException) e).outcome()).isEqualTo(PollOutcome.UPSTREAM_ERROR));
  }

  private static void assertMalformed(String body, String message) {
    assertThatThrownBy(() -> PsnJsonParser.titles(Buffer.buffer(body)))
        .isInstanceOf(PsnException.class)
        .hasMessageContaining(message)
        .satisfies(
            e -> assertThat(((PsnException) e).outcome()).isEqualTo(PollOutcome.UPSTREAM_ERROR));
  }
}
