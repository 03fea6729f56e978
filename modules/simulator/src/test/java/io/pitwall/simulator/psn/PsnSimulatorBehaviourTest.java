package io.pitwall.simulator.psn;

import static io.pitwall.simulator.psn.PsnWorlds.ALICE;
import static io.pitwall.simulator.psn.PsnWorlds.ALICE_NPSSO;
import static io.pitwall.simulator.psn.PsnWorlds.BOB;
import static io.pitwall.simulator.psn.PsnWorlds.PS4_TITLE;
import static io.pitwall.simulator.psn.PsnWorlds.PS5_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.simulator.RequestLog;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PsnSimulatorBehaviourTest {

  private final SimClock clock = new SimClock();
  private Simulator simulator;
  private PsnTestClient client;
  private String token;

  @BeforeEach
  void start() {
    simulator =
        Simulator.start(
            PsnWorlds.aliceAndBob(),
            PsnSimulatorConfig.defaults().withRateLimit(20, Duration.ofMinutes(15)),
            clock);
    client = new PsnTestClient(simulator);
    token = client.signIn(ALICE_NPSSO).path("access_token").asText();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void shouldPageTitlesNewestFirstWithTheDocumentedOffsets() {
    JsonNode page = ok("/api/trophy/v1/users/me/trophyTitles?limit=10&offset=50");
    assertThat(page.path("trophyTitles")).hasSize(10);
    assertThat(page.path("nextOffset").asInt()).isEqualTo(60);
    assertThat(page.path("previousOffset").asInt()).isEqualTo(49);
    assertThat(page.path("totalItemCount").asInt()).isEqualTo(300);

    JsonNode first = ok("/api/trophy/v1/users/me/trophyTitles?limit=10&offset=0");
    assertThat(first.has("previousOffset")).isFalse();
    assertThat(first.path("trophyTitles").get(0).path("npCommunicationId").asText())
        .isEqualTo(PS5_TITLE);
    List<String> times = new ArrayList<>();
    first.path("trophyTitles").forEach(t -> times.add(t.path("lastUpdatedDateTime").asText()));
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    JsonNode last = ok("/api/trophy/v1/users/me/trophyTitles?limit=10&offset=295");
    assertThat(last.path("trophyTitles")).hasSize(5);
    assertThat(last.has("nextOffset")).isFalse();
    assertThat(last.path("previousOffset").asInt()).isEqualTo(294);

    JsonNode past = ok("/api/trophy/v1/users/me/trophyTitles?limit=10&offset=400");
    assertThat(past.path("trophyTitles")).isEmpty();
    assertThat(past.path("previousOffset").asInt()).isEqualTo(299);

    JsonNode unpaged = ok("/api/trophy/v1/users/me/trophyTitles");
    assertThat(unpaged.path("trophyTitles")).hasSize(100);
    assertThat(unpaged.has("nextOffset")).isFalse();
    assertThat(unpaged.has("previousOffset")).isFalse();
  }

  @Test
  void shouldRefuseBadPagingParametersNamingThem() {
    for (String query : List.of("limit=0", "limit=801", "limit=ten", "offset=-1")) {
      PsnTestClient.Answer answer =
          client.get("/api/trophy/v1/users/me/trophyTitles?" + query, token);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json().path("error").path("message").asText())
          .startsWith("Bad Request (query: " + query.substring(0, query.indexOf('=')));
    }
  }

  @Test
  void shouldRequireNpServiceNameTrophyForPs4TitlesAndRefuseItForPs5Titles() {
    String ps4 = "/api/trophy/v1/npCommunicationIds/" + PS4_TITLE + "/trophyGroups/all/trophies";
    assertError(client.get(ps4, token), 404, 2240525);
    assertThat(client.get(ps4 + "?npServiceName=trophy", token).status()).isEqualTo(200);
    String ps5 = "/api/trophy/v1/npCommunicationIds/" + PS5_TITLE + "/trophyGroups/all/trophies";
    assertThat(client.get(ps5, token).status()).isEqualTo(200);
    assertThat(client.get(ps5 + "?npServiceName=trophy2", token).status()).isEqualTo(200);
    assertError(client.get(ps5 + "?npServiceName=trophy", token), 404, 2240525);
    assertThat(client.get(ps5 + "?npServiceName=bogus", token).status()).isEqualTo(400);
  }

  @Test
  void shouldAnswerResourceNotFoundForATitleTheAccountNeverSynced() {
    simulatorWorld().addTitle(PsnWorlds.title("NPWR99999_00", "trophy2", "PS5", 3, false));

    assertError(
        client.get(
            "/api/trophy/v1/users/me/npCommunicationIds/NPWR99999_00/trophyGroups/all/trophies",
            token),
        404,
        2240525);
    assertError(
        client.get("/api/trophy/v1/users/me/npCommunicationIds/NPWR99999_00/trophyGroups", token),
        404,
        2240525);
    assertError(
        client.get(
            "/api/trophy/v1/npCommunicationIds/NPWR00000_00/trophyGroups/all/trophies", token),
        404,
        2240525);
    assertError(
        client.get(
            "/api/trophy/v1/users/me/npCommunicationIds/"
                + PS5_TITLE
                + "/trophyGroups/007/trophies",
            token),
        404,
        2240525);
  }

  @Test
  void shouldRefuseAPrivateTrophyListToOthers() {
    assertError(client.get("/api/trophy/v1/users/" + BOB + "/trophyTitles", token), 403, 2240526);
    String bobsToken = client.signIn(PsnWorlds.BOB_NPSSO).path("access_token").asText();
    assertThat(client.get("/api/trophy/v1/users/" + BOB + "/trophyTitles", bobsToken).status())
        .isEqualTo(200);
  }

  @Test
  void shouldAnswer401OnceTheAccessTokenExpiresAndLetARefreshTokenRenewIt() {
    JsonNode tokens = client.signIn(ALICE_NPSSO);
    assertThat(tokens.path("expires_in").asInt()).isEqualTo(3599);
    assertThat(tokens.path("token_type").asText()).isEqualTo("bearer");
    assertThat(tokens.path("refresh_token_expires_in").asInt()).isEqualTo(5183999);

    clock.advance(Duration.ofSeconds(3601));
    PsnTestClient.Answer expired =
        client.get("/api/trophy/v1/users/me/trophySummary", tokens.path("access_token").asText());
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().path("error").path("code").asInt()).isEqualTo(2241025);

    PsnTestClient.Answer refreshed = client.refresh(tokens.path("refresh_token").asText());
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(
            client
                .get(
                    "/api/trophy/v1/users/me/trophySummary",
                    refreshed.json().path("access_token").asText())
                .status())
        .isEqualTo(200);

    clock.advance(Duration.ofDays(61));
    assertThat(client.refresh(tokens.path("refresh_token").asText()).status()).isEqualTo(400);
    assertThat(client.get("/api/trophy/v1/users/me/trophySummary", Map.of()).status())
        .isEqualTo(401);
  }

  @Test
  void shouldRedirectABadNpssoToTheSignInPageWithLoginRequired() {
    PsnTestClient.Answer answer = client.authorize("not-a-valid-npsso");
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location"))
        .contains("error=login_required")
        .contains("error_code=4165")
        .doesNotContain("code=v3");

    simulatorWorld().expireNpsso(ALICE);
    assertThat(client.authorize(ALICE_NPSSO).header("Location")).contains("error=login_required");
    assertThat(client.exchange("v3.never-issued").status()).isEqualTo(400);
  }

  @Test
  void shouldAnswer429WithTheNextAvailableTimeOncePastTheLimit() {
    Instant windowStart = clock.instant();
    for (int i = 0; i < 20; i++) {
      assertThat(client.get("/api/trophy/v1/users/me/trophySummary", token).status())
          .isEqualTo(200);
    }
    PsnTestClient.Answer limited = client.get("/api/trophy/v1/users/me/trophySummary", token);
    assertThat(limited.status()).isEqualTo(429);
    long nextAvailable = Long.parseLong(limited.header("X-RateLimit-Next-Available"));
    assertThat(nextAvailable)
        .isBetween(
            windowStart.plus(Duration.ofMinutes(15)).getEpochSecond(),
            windowStart.plus(Duration.ofMinutes(15)).getEpochSecond() + 2);

    clock.advance(Duration.ofMinutes(15).plusSeconds(2));
    assertThat(client.get("/api/trophy/v1/users/me/trophySummary", token).status()).isEqualTo(200);
  }

  @Test
  void shouldShowAFreshlyEarnedTrophyFirstAndLogItAsGroundTruth() {
    Instant earnedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    int before = simulatorWorld().groundTruth().size();
    simulatorWorld().earn(ALICE, PS4_TITLE, 2, earnedAt);

    JsonNode titles = ok("/api/trophy/v1/users/me/trophyTitles?limit=1&offset=0");
    assertThat(titles.path("trophyTitles").get(0).path("npCommunicationId").asText())
        .isEqualTo(PS4_TITLE);
    assertThat(titles.path("trophyTitles").get(0).path("lastUpdatedDateTime").asText())
        .isEqualTo(earnedAt.toString());
    JsonNode earned =
        ok(
            "/api/trophy/v1/users/me/npCommunicationIds/"
                + PS4_TITLE
                + "/trophyGroups/all/trophies?npServiceName=trophy");
    assertThat(earned.path("trophies").get(2).path("earned").asBoolean()).isTrue();
    assertThat(earned.path("trophies").get(2).path("earnedDateTime").asText())
        .isEqualTo(earnedAt.toString());
    assertThat(
            simulatorWorld().groundTruth().subList(before, simulatorWorld().groundTruth().size()))
        .containsExactly(new TrophyEarnedFact(ALICE, PS4_TITLE, 2, "default", earnedAt));
  }

  @Test
  void shouldComputeTheTrophyLevelFromEarnedPoints() {
    JsonNode summary = ok("/api/trophy/v1/users/me/trophySummary");
    assertThat(summary.path("trophyPoint").asInt()).isEqualTo(15);
    assertThat(summary.path("trophyLevel").asInt()).isEqualTo(1);
    assertThat(summary.path("trophyLevelNextPoint").asInt()).isEqualTo(60);
    assertThat(summary.path("progress").asInt()).isEqualTo(25);
    assertThat(TrophyLevels.basePoints(437)).isEqualTo(199_890);
    assertThat(TrophyLevels.level(200_430)).isEqualTo(437);
    assertThat(TrophyLevels.tier(437)).isEqualTo(5);
  }

  @Test
  void shouldLimitTitleIdLookupsToFive() {
    assertThat(
            client
                .get("/api/trophy/v1/users/me/titles/trophyTitles?npTitleIds=A,B,C,D,E,F", token)
                .json()
                .path("error")
                .path("message")
                .asText())
        .isEqualTo("Bad Request (query: npTitleId)");
  }

  @Test
  void shouldLogEveryAnsweredRequestWithItsIdentityAndStatus() {
    simulator.requestLog().clear();
    client.get("/api/trophy/v1/users/me/trophyTitles?limit=5", token);
    client.get("/api/trophy/v1/users/me/trophyTitles", "bogus");

    List<RequestLog.Entry> entries = simulator.requestLog().entries();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).identity()).isEqualTo(ALICE);
    assertThat(entries.get(0).status()).isEqualTo(200);
    assertThat(entries.get(0).query()).isEqualTo("limit=5");
    assertThat(entries.get(1).status()).isEqualTo(401);
    assertThat(entries).allMatch(e -> e.upstream().equals("psn"));
  }

  @Test
  void shouldAnswerGameHelpAndRefuseMalformedOperations() {
    simulatorWorld()
        .setHints(
            PS5_TITLE,
            List.of(
                new GameHint(
                    3,
                    "UDS_3",
                    "HINT",
                    List.of(
                        new GameHint.Tip(
                            "t1", "Step", "Do it", "m1", "VIDEO", "https://v/1.m3u8")))));
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + token,
            "apollographql-client-name",
            "PlayStationApp-Android");
    String variables =
        java.net.URLEncoder.encode(
            "{\"npCommId\":\"" + PS5_TITLE + "\",\"trophyIds\":[\"3\",\"4\"]}",
            java.nio.charset.StandardCharsets.UTF_8);

    PsnTestClient.Answer hints =
        client.get(
            "/api/graphql/v1/op?operationName=metGetHintAvailability&variables=" + variables,
            headers);
    assertThat(hints.status()).isEqualTo(200);
    assertThat(hints.json().at("/data/hintAvailabilityRetrieve/trophies/0/udsObjectId").asText())
        .isEqualTo("UDS_3");
    assertThat(hints.json().at("/data/hintAvailabilityRetrieve/trophies")).hasSize(1);

    assertThat(
            client
                .get(
                    "/api/graphql/v1/op?operationName=metGetHintAvailability&variables="
                        + variables,
                    token)
                .status())
        .isEqualTo(400);
    assertThat(
            client
                .get("/api/graphql/v1/op?operationName=metGetTips&variables=%7Bnot-json", headers)
                .json()
                .at("/errors/0/message")
                .asText())
        .contains("variables");
    assertThat(
            client
                .get("/api/graphql/v1/op?operationName=metNothing&variables=" + variables, headers)
                .status())
        .isEqualTo(400);
  }

  private PsnWorld simulatorWorld() {
    return simulator.psn().world();
  }

  private JsonNode ok(String path) {
    PsnTestClient.Answer answer = client.get(path, token);
    assertThat(answer.status()).as(path + " " + answer.raw().body()).isEqualTo(200);
    return answer.json();
  }

  private static void assertError(PsnTestClient.Answer answer, int status, int code) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.json().path("error").path("code").asInt()).isEqualTo(code);
    assertThat(answer.json().path("error").path("referenceId").asText()).isNotBlank();
  }
}
