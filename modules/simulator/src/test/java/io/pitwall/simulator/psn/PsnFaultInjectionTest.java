package io.pitwall.simulator.psn;

import static io.pitwall.simulator.psn.PsnWorlds.ALICE_NPSSO;
import static io.pitwall.simulator.psn.PsnWorlds.PS5_TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list and sign-in faults: each changes only the next request of its kind, and otherwise
 * answers as the docs and the recorded traffic do.
 */
class PsnFaultInjectionTest {

  private static final String TITLES = "/api/trophy/v1/users/me/trophyTitles?limit=50&offset=0";
  private static final String EARNED =
      "/api/trophy/v1/users/me/npCommunicationIds/" + PS5_TITLE + "/trophyGroups/all/trophies";

  private final SimClock clock = new SimClock();
  private Simulator simulator;
  private PsnTestClient client;
  private String token;

  @BeforeEach
  void start() {
    simulator =
        Simulator.start(
            PsnWorlds.aliceAndBob(),
            PsnSimulatorConfig.defaults().withRateLimit(100, Duration.ofMinutes(15)),
            clock);
    client = new PsnTestClient(simulator);
    token = client.signIn(ALICE_NPSSO).path("access_token").asText();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void shouldShortenOneTitlePageWhileStillCountingEveryTitle() {
    simulator.psn().injectFaults(PsnFault.SHORT_TITLE_LIST);
    // a request of another kind does not take the fault
    assertThat(client.get(EARNED, token).status()).isEqualTo(200);

    JsonNode shortPage = ok(TITLES);
    assertThat(shortPage.path("trophyTitles")).hasSize(25);
    assertThat(shortPage.path("totalItemCount").asInt()).isEqualTo(300);
    assertThat(shortPage.path("nextOffset").asInt()).isEqualTo(50);

    assertThat(ok(TITLES).path("trophyTitles")).hasSize(50);
  }

  @Test
  void shouldAnswerOneEmptyTitleList() {
    simulator.psn().injectFaults(PsnFault.EMPTY_TITLE_LIST);

    JsonNode empty = ok(TITLES);
    assertThat(empty.path("trophyTitles")).isEmpty();
    assertThat(empty.path("totalItemCount").asInt()).isZero();
    assertThat(empty.has("nextOffset")).isFalse();

    assertThat(ok(TITLES).path("totalItemCount").asInt()).isEqualTo(300);
  }

  @Test
  void shouldCallAReadableListPrivateOnceAsTheRecordedTrafficShows() {
    simulator.psn().injectFaults(PsnFault.PRIVATE_TITLE_LIST);

    PsnTestClient.Answer forbidden = client.get(TITLES, token);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().at("/error/code").asInt()).isEqualTo(2240526);
    assertThat(forbidden.json().at("/error/message").asText())
        .isEqualTo("Not permitted by access control");

    assertThat(ok(TITLES).path("trophyTitles")).hasSize(50);
  }

  @Test
  void shouldTruncateOneEarnedListWhileStillCountingEveryTrophy() {
    simulator.psn().injectFaults(PsnFault.SHORT_EARNED_LIST);
    assertThat(ok(TITLES).path("trophyTitles")).hasSize(50);

    JsonNode truncated = ok(EARNED);
    assertThat(truncated.path("trophies")).hasSize(3);
    assertThat(truncated.path("totalItemCount").asInt()).isEqualTo(6);

    assertThat(ok(EARNED).path("trophies")).hasSize(6);
  }

  @Test
  void shouldMalformOneAuthorizeRedirectThatStillCarriesALiveCode() {
    simulator.psn().injectFaults(PsnFault.MALFORMED_AUTH_REDIRECT);

    String location = client.authorize(ALICE_NPSSO).header("Location");
    assertThat(location).contains("?code=v3.");
    assertThatThrownBy(() -> URI.create(location)).isInstanceOf(IllegalArgumentException.class);
    String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
    assertThat(client.exchange(code).status()).isEqualTo(200);

    assertThat(URI.create(client.authorize(ALICE_NPSSO).header("Location")).getRawQuery())
        .startsWith("code=v3.");
  }

  @Test
  void shouldLetTheToldNumberOfRequestsPassBeforeTheFault() {
    simulator.psn().injectFaultsAfter(2, PsnFault.HTML_ERROR_PAGE);

    assertThat(client.get(TITLES, token).status()).isEqualTo(200);
    assertThat(client.get(EARNED, token).status()).isEqualTo(200);
    assertThat(client.get(TITLES, token).status()).isEqualTo(503);
    assertThat(client.get(TITLES, token).status()).isEqualTo(200);
  }

  @Test
  void shouldLeaveTheRequestsOfAHungAccountUnansweredUntilResumed() throws Exception {
    simulator.psn().hang(PsnWorlds.ALICE);
    java.util.concurrent.CompletableFuture<PsnTestClient.Answer> pending =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> client.get(TITLES, token));

    assertThatThrownBy(() -> pending.get(300, java.util.concurrent.TimeUnit.MILLISECONDS))
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
    simulator.psn().resume(PsnWorlds.ALICE);
    assertThat(client.get(TITLES, token).status()).isEqualTo(200);
  }

  private JsonNode ok(String path) {
    PsnTestClient.Answer answer = client.get(path, token);
    assertThat(answer.status()).as(path + " " + answer.raw().body()).isEqualTo(200);
    return answer.json();
  }
}
