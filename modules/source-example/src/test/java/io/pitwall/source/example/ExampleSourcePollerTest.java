package io.pitwall.source.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.core.WatchOptions;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.events.BestLapImproved;
import io.pitwall.source.api.PriorStates;
import io.pitwall.source.api.WatchResult;
import io.pitwall.source.common.RequestListener;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poller against the fake lap-times server and a state store that keeps what the engine would
 * commit: baseline, improvement, unchanged polls, and failures as named outcomes.
 */
class ExampleSourcePollerTest {

  private static final WatchDefinition WATCH =
      new WatchDefinition(new WatchKey("example", "ayrton"), "Senna", WatchOptions.NONE);

  private final LapTimesServer server = new LapTimesServer(1000, Duration.ofMinutes(1), false);
  private final Vertx vertx = Vertx.vertx();
  private final Map<String, byte[]> committed = new ConcurrentHashMap<>();
  private final TokenBucket budget =
      new TokenBucket(Clock.systemUTC(), 100_000, Duration.ofDays(1));
  private final ExampleSourcePoller poller =
      new ExampleSourcePoller(
          new BestLapClient(
              vertx,
              WebClient.create(vertx),
              server.baseUrl(),
              budget,
              Clock.systemUTC(),
              Duration.ofSeconds(10),
              RequestListener.NONE),
          budget,
          new PriorStates<>(committed::get, new BestLapStateCodec()),
          "t.example.best-lap-improved");

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    server.close();
  }

  @Test
  void shouldTakeABaselineThenPublishOnlyTheImprovement() {
    server.bestLap("ayrton", "monza", 83_456);

    WatchResult baseline = poll();
    assertThat(baseline.outcome()).isEqualTo(PollOutcome.OK);
    assertThat(baseline.baseline()).isTrue();
    assertThat(baseline.events()).isEmpty();
    assertThat(text(baseline.state()))
        .isEqualTo("{\"v\":1,\"source\":\"example\",\"best\":{\"monza\":83456}}");

    WatchResult unchanged = poll();
    assertThat(unchanged.outcome()).isEqualTo(PollOutcome.OK);
    assertThat(unchanged.baseline()).isFalse();
    assertThat(unchanged.events()).isEmpty();
    assertThat(unchanged.state()).as("nothing to write").isNull();

    server.bestLap("ayrton", "monza", 82_999);
    WatchResult improved = poll();
    assertThat(improved.events()).hasSize(1);
    assertThat(improved.events().get(0).topic()).isEqualTo("t.example.best-lap-improved");
    assertThat(improved.events().get(0).key()).isEqualTo("example:ayrton");
    BestLapImproved event = (BestLapImproved) improved.events().get(0).value();
    assertThat(event.getLapMillis()).isEqualTo(82_999L);
    assertThat(event.getPreviousLapMillis()).isEqualTo(83_456L);
    assertThat(event.getEnvelope().getWatchLabel()).isEqualTo("Senna");
    assertThat(text(improved.state())).contains("\"monza\":82999");
    assertThat(poll().events()).as("the next poll sees no change").isEmpty();
  }

  @Test
  void shouldReportEachFailureAsTheWatchsOutcomeWithoutTouchingItsState() {
    server.answer("ayrton", 404, "{}");
    assertFailed(PollOutcome.NOT_FOUND);
    server.answer("ayrton", 200, "{\"driver\":\"ayrton\"}");
    assertFailed(PollOutcome.UPSTREAM_ERROR);
    server.answer("ayrton", 503, "");
    assertFailed(PollOutcome.UPSTREAM_ERROR);
    server.refuseNext(1, 1);
    assertFailed(PollOutcome.RATE_LIMITED);
    assertThat(committed).isEmpty();
  }

  @Test
  void shouldTakeANewBaselineWhenTheStoredStateIsUnreadable() {
    committed.put("example:ayrton", "garbage".getBytes(StandardCharsets.UTF_8));
    server.bestLap("ayrton", "monza", 83_456);

    WatchResult result = poll();

    assertThat(result.baseline()).isTrue();
    assertThat(result.events()).isEmpty();
    assertThat(text(result.state())).contains("\"monza\":83456");
  }

  private void assertFailed(PollOutcome outcome) {
    WatchResult result = poll();
    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.events()).isEmpty();
    assertThat(result.state()).isNull();
    assertThat(result.detail()).startsWith("lap-times ");
  }

  /** One poll; what it would commit is kept as the engine would. */
  private WatchResult poll() {
    List<WatchResult> results =
        poller.poll(List.of(WATCH), Instant.now()).block(Duration.ofSeconds(30));
    assertThat(results).hasSize(1);
    WatchResult result = results.get(0);
    if (result.state() != null) {
      committed.put(WATCH.key().toString(), result.state());
    }
    return result;
  }

  private static String text(byte[] state) {
    return new String(state, StandardCharsets.UTF_8);
  }
}
