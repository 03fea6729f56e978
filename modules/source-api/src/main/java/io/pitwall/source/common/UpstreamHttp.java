package io.pitwall.source.common;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * The steps every metered upstream request takes, written once: wait for a token of the
 * credential's budget ({@link BudgetGate}), send with the request timeout, report status and
 * latency to the listener and name a transport failure ({@link UpstreamCalls}), pace the budget by
 * the answer's quota headers ({@link QuotaPacing}), and turn a 429 into {@link
 * PollOutcome#RATE_LIMITED} with the time the budget is paused until. What the other statuses mean
 * is the source's own business.
 */
public final class UpstreamHttp {

  private final BudgetGate gate;
  private final Clock clock;
  private final Duration timeout;
  private final RequestListener listener;
  private final String upstream;

  /**
   * @param vertx for the budget gate's timers
   * @param budget the credential's bucket
   * @param clock time source (quota hints)
   * @param timeout per request
   * @param listener told about every request and unreadable quota headers
   * @param upstream the upstream's name for messages, e.g. {@code gtgridstats}
   */
  public UpstreamHttp(
      Vertx vertx,
      TokenBucket budget,
      Clock clock,
      Duration timeout,
      RequestListener listener,
      String upstream) {
    this.gate = new BudgetGate(vertx, budget);
    this.clock = clock;
    this.timeout = timeout;
    this.listener = listener;
    this.upstream = upstream;
  }

  /**
   * Sends one metered request.
   *
   * @param request the prepared request (headers set; the timeout is set here)
   * @param endpoint a low-cardinality endpoint name for metrics and messages
   * @return the answer of any status but 429; a failed future with an {@link UpstreamException} for
   *     a 429 ({@code RATE_LIMITED}) or a transport failure ({@code UPSTREAM_ERROR})
   */
  public Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, String endpoint) {
    return gate.take()
        .compose(
            v ->
                UpstreamCalls.send(
                    request.timeout(timeout.toMillis()), upstream, endpoint, listener))
        .map(response -> paced(endpoint, response));
  }

  /** The credential's bucket. */
  public TokenBucket budget() {
    return gate.budget();
  }

  private HttpResponse<Buffer> paced(String endpoint, HttpResponse<Buffer> response) {
    QuotaHints hints = QuotaPacing.heed(response, gate.budget(), clock, endpoint, listener);
    if (response.statusCode() == 429) {
      throw new UpstreamException(
          PollOutcome.RATE_LIMITED,
          upstream
              + " refused the request (429) to "
              + endpoint
              + "; budget paused until "
              + hints.retryAfterRefusal(clock.instant()),
          null);
    }
    return response;
  }
}
