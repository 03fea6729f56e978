package io.pitwall.source.common;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;

/** Sends one upstream request, timed and reported to the listener, transport failures named. */
public final class UpstreamCalls {

  private UpstreamCalls() {}

  /**
   * Sends a request.
   *
   * @param request the prepared request (headers and timeout set)
   * @param upstream the upstream's name for messages, e.g. {@code PSN}
   * @param endpoint a low-cardinality endpoint name for metrics
   * @param listener told the status (-1 when no answer came) and latency
   * @return the answer, or a failed future with an {@link UpstreamException} ({@link
   *     PollOutcome#UPSTREAM_ERROR}) naming the failure's type, never a URL with credentials
   */
  public static Future<HttpResponse<Buffer>> send(
      HttpRequest<Buffer> request, String upstream, String endpoint, RequestListener listener) {
    long started = System.nanoTime();
    return request
        .send()
        .onComplete(
            done ->
                listener.onRequest(
                    endpoint,
                    done.succeeded() ? done.result().statusCode() : -1,
                    Duration.ofNanos(System.nanoTime() - started)))
        .recover(
            e ->
                Future.failedFuture(
                    new UpstreamException(
                        PollOutcome.UPSTREAM_ERROR,
                        upstream
                            + " "
                            + endpoint
                            + " request failed: "
                            + e.getClass().getSimpleName(),
                        e)));
  }
}
