package io.pitwall.source.example;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.common.UpstreamHttp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The lap-times API: {@code GET /drivers/{id}/best-lap}, one metered request per poll, sent through
 * the shared {@link UpstreamHttp}: it waits for a token of the budget, paces the budget by the
 * answer's quota headers, and a 429 pauses it until its {@code Retry-After}. Statuses map to
 * outcomes: 404 {@link PollOutcome#NOT_FOUND}, 403 {@link PollOutcome#PRIVATE}, 429 {@link
 * PollOutcome#RATE_LIMITED}, any other non-200 {@link PollOutcome#UPSTREAM_ERROR}.
 */
public final class BestLapClient {

  static final String ENDPOINT = "best_lap";
  private static final String UPSTREAM = "lap-times";

  private final WebClient http;
  private final String baseUrl;
  private final UpstreamHttp upstream;

  /**
   * @param vertx for budget timers
   * @param http the Web Client
   * @param baseUrl the API's base URL, e.g. http://localhost:8089
   * @param budget the credential's bucket
   * @param clock time source (for quota hints)
   * @param timeout per request
   * @param listener told about every request
   */
  public BestLapClient(
      Vertx vertx,
      WebClient http,
      String baseUrl,
      TokenBucket budget,
      Clock clock,
      Duration timeout,
      RequestListener listener) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.upstream = new UpstreamHttp(vertx, budget, clock, timeout, listener, UPSTREAM);
  }

  /**
   * A driver's best lap. The id is checked by the plugin's account-id rule before it gets here.
   *
   * @return the lap, or a failed future with an {@link UpstreamException} naming the outcome
   */
  public Future<BestLap> bestLap(String driverId) {
    return upstream
        .send(http.getAbs(baseUrl + "/drivers/" + driverId + "/best-lap"), ENDPOINT)
        .map(response -> answer(driverId, response));
  }

  private BestLap answer(String driverId, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    return switch (status) {
      case 200 ->
          BestLapParser.parse(
              driverId, response.body() == null ? null : response.body().getBytes());
      case 404 -> throw failure(PollOutcome.NOT_FOUND, "driver " + driverId + " not found (404)");
      case 403 ->
          throw failure(PollOutcome.PRIVATE, "driver " + driverId + "'s laps are private (403)");
      default -> throw failure(PollOutcome.UPSTREAM_ERROR, "answered " + status);
    };
  }

  private static UpstreamException failure(PollOutcome outcome, String message) {
    return new UpstreamException(outcome, UPSTREAM + " " + message, null);
  }
}
