package io.pitwall.source.common;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Waits, on Vert.x timers (never blocking an event loop), for a token of a credential's budget. It
 * looks again at least every {@value #MAX_WAIT_MILLIS} ms, so that a bucket on a clock that runs
 * faster than the wall (benchmarks compress time) is never waited on for longer than needed.
 */
public final class BudgetGate {

  private static final long MAX_WAIT_MILLIS = 100;

  /** How long a request waits for a token before it fails as rate limited. */
  public static final java.time.Duration GIVE_UP = java.time.Duration.ofSeconds(60);

  private final Vertx vertx;
  private final TokenBucket budget;
  private final java.time.Duration giveUp;

  /**
   * @param vertx for timers
   * @param budget the credential's bucket
   */
  public BudgetGate(Vertx vertx, TokenBucket budget) {
    this(vertx, budget, GIVE_UP);
  }

  /** A gate that gives up after {@code giveUp} (tests). */
  BudgetGate(Vertx vertx, TokenBucket budget, java.time.Duration giveUp) {
    this.vertx = vertx;
    this.budget = budget;
    this.giveUp = giveUp;
  }

  /**
   * Completes once a token has been taken, or fails as {@code RATE_LIMITED} (retriable) when none
   * came within {@link #GIVE_UP} of wall time: a bucket whose share of a fleet's budget fell to
   * zero (its watches moved to another credential or instance) refills no more, and a request must
   * not wait for it forever (a shared fetch waiting on it would hold every poll that needs it).
   */
  public Future<Void> take() {
    return take(System.nanoTime() + giveUp.toNanos());
  }

  private Future<Void> take(long deadline) {
    if (budget.tryTake()) {
      return Future.succeededFuture();
    }
    if (budget.share() == 0) {
      return Future.failedFuture(
          new NoBudgetShareException(
              "no token of the credential's budget: this instance's share of the fleet's budget is"
                  + " 0.00"));
    }
    if (System.nanoTime() > deadline) {
      return Future.failedFuture(
          new UpstreamException(
              PollOutcome.RATE_LIMITED,
              "no token of the credential's budget within "
                  + giveUp.toMillis() / 1000.0
                  + " s (its share of the fleet's budget is "
                  + String.format(java.util.Locale.ROOT, "%.2f", budget.share())
                  + ")",
              null));
    }
    Promise<Void> promise = Promise.promise();
    long delay = Math.min(MAX_WAIT_MILLIS, Math.max(1, budget.untilNextToken().toMillis()));
    vertx.setTimer(delay, id -> take(deadline).onComplete(promise));
    return promise.future();
  }

  /** The bucket. */
  public TokenBucket budget() {
    return budget;
  }
}
