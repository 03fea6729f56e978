package io.pitwall.source.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.common.RequestListener;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the fake lap-times server: each status is its named outcome, every request is
 * reported, and a 429 pauses the budget until its {@code Retry-After}.
 */
class BestLapClientTest {

  private final LapTimesServer server = new LapTimesServer(1000, Duration.ofMinutes(1));
  private final Vertx vertx = Vertx.vertx();
  private final List<Integer> statuses = new CopyOnWriteArrayList<>();
  private final TokenBucket budget =
      new TokenBucket(Clock.systemUTC(), 100_000, Duration.ofDays(1));
  private final BestLapClient client =
      new BestLapClient(
          vertx,
          WebClient.create(vertx),
          server.baseUrl() + "/",
          budget,
          Clock.systemUTC(),
          Duration.ofSeconds(10),
          new RequestListener() {
            @Override
            public void onRequest(String endpoint, int status, Duration latency) {
              assertThat(endpoint).isEqualTo("best_lap");
              statuses.add(status);
            }
          });

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    server.close();
  }

  @Test
  void shouldReadABestLapWithOneBudgetedRequest() throws Exception {
    server.bestLap("ayrton", "monza", 83_456);

    assertThat(bestLap("ayrton")).isEqualTo(new BestLap("ayrton", "monza", 83_456));
    assertThat(server.requests("ayrton")).isEqualTo(1);
    assertThat(budget.taken()).isEqualTo(1);
    assertThat(statuses).containsExactly(200);
  }

  @Test
  void shouldNameEachFailureAsItsOutcome() {
    server.answer("gone", 404, "{}");
    server.answer("hidden", 403, "{}");
    server.answer("broken", 500, "oops");
    server.answer("garbled", 200, "{\"driver\":\"garbled\",\"track\":\"monza\"}");

    assertOutcome("gone", PollOutcome.NOT_FOUND, "lap-times driver gone not found (404)");
    assertOutcome("hidden", PollOutcome.PRIVATE, "lap-times driver hidden's laps are private");
    assertOutcome("broken", PollOutcome.UPSTREAM_ERROR, "lap-times answered 500");
    assertOutcome("garbled", PollOutcome.UPSTREAM_ERROR, "millis: missing");
    assertThat(statuses).containsExactly(404, 403, 500, 200);
  }

  @Test
  void shouldNameAnUnreachableUpstreamWithoutItsUrl() throws Exception {
    LapTimesServer gone = new LapTimesServer(1, Duration.ofMinutes(1));
    String url = gone.baseUrl();
    gone.close();
    BestLapClient unreachable =
        new BestLapClient(
            vertx,
            WebClient.create(vertx),
            url,
            budget,
            Clock.systemUTC(),
            Duration.ofSeconds(10),
            (endpoint, status, latency) -> statuses.add(status));

    assertThatThrownBy(
            () ->
                unreachable
                    .bestLap("ayrton")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> assertThat(e.outcome()).isEqualTo(PollOutcome.UPSTREAM_ERROR))
        .hasMessageStartingWith("lap-times best_lap request failed: ")
        .message()
        .doesNotContain(url);
    assertThat(statuses).containsExactly(-1);
  }

  @Test
  void shouldPauseTheBudgetUntilTheRetryAfterOfA429() {
    server.bestLap("ayrton", "monza", 83_456);
    server.refuseNext(1, 120);
    Instant before = Instant.now();

    assertOutcome("ayrton", PollOutcome.RATE_LIMITED, "refused the request (429)");

    assertThat(server.refused()).isEqualTo(1);
    assertThat(budget.pausedUntil()).isAfter(before.plusSeconds(110));
    assertThat(budget.tryTake()).isFalse();
    assertThat(statuses).containsExactly(429);
  }

  @Test
  void shouldPauseTheBudgetWhenTheQuotaHeadersSayNoneRemain() throws Exception {
    try (LapTimesServer metered = new LapTimesServer(1, Duration.ofMinutes(10))) {
      metered.bestLap("ayrton", "monza", 83_456);
      BestLapClient client =
          new BestLapClient(
              vertx,
              WebClient.create(vertx),
              metered.baseUrl(),
              budget,
              Clock.systemUTC(),
              Duration.ofSeconds(10),
              RequestListener.NONE);

      client.bestLap("ayrton").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

      assertThat(budget.pausedUntil()).isAfter(Instant.now().plusSeconds(60));
      assertThat(metered.refused()).isZero();
    }
  }

  private BestLap bestLap(String driver) throws Exception {
    return client
        .bestLap(driver)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private void assertOutcome(String driver, PollOutcome outcome, String message) {
    assertThatThrownBy(() -> bestLap(driver))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UpstreamException.class, e -> assertThat(e.outcome()).isEqualTo(outcome))
        .hasMessageContaining(message);
  }
}
