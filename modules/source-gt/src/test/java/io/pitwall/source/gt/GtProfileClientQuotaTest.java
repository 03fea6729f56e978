package io.pitwall.source.gt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.gt.QuotaSpelling;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.source.common.RequestListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The GT Sport site names no limit, but when its answers meter (the simulator's opt-in quota), the
 * client paces its budget by them in every common spelling.
 */
class GtProfileClientQuotaTest {

  private static final String PROFILE = "9568550";

  private final GtWorld world = new GtWorld();
  private final Simulator simulator;
  private final Vertx vertx = Vertx.vertx();
  private final List<String> unreadable = new CopyOnWriteArrayList<>();
  private final TokenBucket budget =
      new TokenBucket(Clock.systemUTC(), 100_000, Duration.ofDays(1));
  private final GtProfileClient client;

  GtProfileClientQuotaTest() {
    world.addProfile(PROFILE, "xGranadier", "us", "1-0", "2-0", 4, 23_630, 99);
    simulator =
        Simulator.start(
            new PsnWorld(),
            PsnSimulatorConfig.defaults(),
            world,
            GtSimulatorConfig.defaults("unused"),
            new SimClock());
    client = client(budget);
  }

  private GtProfileClient client(TokenBucket bucket) {
    return new GtProfileClient(
        vertx,
        WebClient.create(vertx),
        simulator.gtBaseUrl(),
        bucket,
        Clock.systemUTC(),
        Duration.ofSeconds(10),
        new RequestListener() {
          @Override
          public void onRequest(String endpoint, int status, Duration latency) {}

          @Override
          public void onQuotaHeadersUnreadable(String endpoint, List<String> headers) {
            unreadable.addAll(headers);
          }
        });
  }

  @AfterEach
  void stop() {
    simulator.close();
    vertx.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = QuotaSpelling.class,
      names = {"X_RATELIMIT", "IETF_DRAFT", "HTTP_DATE"})
  void shouldPauseTheBudgetAtTheEndOfTheQuotaAndOnA429(QuotaSpelling spelling) throws Exception {
    world.faults().spellQuotaAs(spelling);
    world.faults().meterProfiles(2, Duration.ofMinutes(10));
    Instant start = Instant.now();

    assertThat(await(client.stats(PROFILE)).driverClass()).isEqualTo(4);
    assertThat(budget.available()).as("capped at the one request left").isLessThanOrEqualTo(1);
    await(client.stats(PROFILE));
    assertThat(budget.pausedUntil())
        .as("no request left: paused until the reset")
        .isCloseTo(start.plus(Duration.ofMinutes(10)), within(5, ChronoUnit.SECONDS));

    TokenBucket other = new TokenBucket(Clock.systemUTC(), 100_000, Duration.ofDays(1));
    assertThatThrownBy(() -> await(client(other).stats(PROFILE)))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("GT profile refused the request (429)")
        .satisfies(
            e -> assertThat(((UpstreamException) e).outcome()).isEqualTo(PollOutcome.RATE_LIMITED));
    assertThat(other.pausedUntil())
        .as("a client that did not see the quota run out learns it from the 429's Retry-After")
        .isCloseTo(start.plus(Duration.ofMinutes(10)), within(5, ChronoUnit.SECONDS));
    assertThat(unreadable).isEmpty();
  }

  @Test
  void shouldCountUnreadableQuotaHeadersAndStillParseTheAnswer() throws Exception {
    world.faults().spellQuotaAs(QuotaSpelling.GARBLED);
    world.faults().meterProfiles(100, Duration.ofMinutes(10));

    assertThat(await(client.stats(PROFILE)).driverPoint()).isEqualTo(23_630);

    assertThat(unreadable)
        .containsExactlyInAnyOrder(
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    assertThat(budget.pausedUntil()).isNull();
  }

  @Test
  void shouldNotMeterWhenTheSiteSendsNoQuotaHeaders() throws Exception {
    for (int i = 0; i < 3; i++) {
      await(client.stats(PROFILE));
    }

    assertThat(budget.pausedUntil()).isNull();
    assertThat(budget.available()).isGreaterThan(100);
  }

  private static <T> T await(Future<T> future) throws Exception {
    // the bucket waits on Vert.x timers, so a paused budget would show here as a timeout
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
