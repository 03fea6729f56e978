package io.pitwall.source.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BudgetGateTest {

  @Test
  void shouldTakeATokenAtOnceWhenOneIsThere() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      TokenBucket bucket = new TokenBucket(Clock.systemUTC(), 300, Duration.ofMinutes(15));
      new BudgetGate(vertx, bucket)
          .take()
          .toCompletionStage()
          .toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
      assertThat(bucket.taken()).isEqualTo(1);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldFailAtOnceAsRateLimitedWhileTheBucketHasNoShare() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      TokenBucket bucket = new TokenBucket(Clock.systemUTC(), 300, Duration.ofMinutes(15));
      bucket.share(0);
      Throwable failure =
          new BudgetGate(vertx, bucket, Duration.ofHours(1))
              .take()
              .toCompletionStage()
              .toCompletableFuture()
              .handle((ok, error) -> error)
              .get(10, TimeUnit.SECONDS);
      assertThat(failure).isInstanceOf(UpstreamException.class);
      assertThat(((UpstreamException) failure).outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
      assertThat(failure.getMessage()).contains("share of the fleet's budget is 0.00");
      assertThat(failure)
          .as("a refusal for want of a share, which callers may tell from a passing one")
          .isInstanceOf(NoBudgetShareException.class);
      assertThat(bucket.taken()).isZero();

      // with a share but no token soon, it gives up after its limit
      TokenBucket slow = new TokenBucket(Clock.systemUTC(), 2, Duration.ofDays(1), 1);
      assertThat(slow.tryTake()).isTrue();
      Throwable late =
          new BudgetGate(vertx, slow, Duration.ofMillis(300))
              .take()
              .toCompletionStage()
              .toCompletableFuture()
              .handle((ok, error) -> error)
              .get(10, TimeUnit.SECONDS);
      assertThat(late).isInstanceOf(UpstreamException.class).hasMessageContaining("within 0.3 s");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
