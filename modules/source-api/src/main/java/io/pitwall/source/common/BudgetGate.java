package io.pitwall.source.common;

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

  private final Vertx vertx;
  private final TokenBucket budget;

  /**
   * @param vertx for timers
   * @param budget the credential's bucket
   */
  public BudgetGate(Vertx vertx, TokenBucket budget) {
    this.vertx = vertx;
    this.budget = budget;
  }

  /** Completes once a token has been taken. */
  public Future<Void> take() {
    if (budget.tryTake()) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    long delay = Math.min(MAX_WAIT_MILLIS, Math.max(1, budget.untilNextToken().toMillis()));
    vertx.setTimer(delay, id -> take().onComplete(promise));
    return promise.future();
  }

  /** The bucket. */
  public TokenBucket budget() {
    return budget;
  }
}
