package io.pitwall.source.gt;

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
 * The GT Sport profile API: job 3 (stats) for ratings, over HTTP within the site's budget. The body
 * is parsed by {@link GtProfileJson} (numbers in strings, a JSON document inside a string, an empty
 * answer for an unknown user_no).
 */
public final class GtProfileClient {

  private final WebClient http;
  private final String baseUrl;
  private final UpstreamHttp upstream;

  /**
   * @param vertx for budget timers
   * @param http the Web Client
   * @param baseUrl e.g. https://www.gran-turismo.com/us/api/gt7sp
   * @param budget the GT site's bucket
   * @param clock time source (for quota hints)
   * @param timeout per request
   * @param listener told about every request
   */
  public GtProfileClient(
      Vertx vertx,
      WebClient http,
      String baseUrl,
      TokenBucket budget,
      Clock clock,
      Duration timeout,
      RequestListener listener) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.upstream = new UpstreamHttp(vertx, budget, clock, timeout, listener, "GT profile");
  }

  /**
   * Job 3 of a profile. The site names no limit, but an answer that carries quota headers paces the
   * budget like gtgridstats' do, and a 429 pauses it until its {@code Retry-After}.
   */
  public Future<GtProfileStats> stats(String userNo) {
    return upstream
        .send(http.postAbs(baseUrl + "/profile/?user_no=" + userNo + "&job=3"), "profile_stats")
        .map(response -> parse(userNo, response));
  }

  /** A job 3 answer: its status checked here, its body parsed by {@link GtProfileJson}. */
  private static GtProfileStats parse(String userNo, HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw new UpstreamException(
          PollOutcome.UPSTREAM_ERROR, "GT profile answered " + response.statusCode(), null);
    }
    return GtProfileJson.stats(userNo, response.body());
  }
}
