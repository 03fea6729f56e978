package io.pitwall.source.gt;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.common.BudgetGate;
import io.pitwall.source.common.QuotaHints;
import io.pitwall.source.common.QuotaPacing;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.common.UpstreamCalls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The GT Sport profile API: job 3 (stats) for ratings. Numbers arrive as strings and {@code stats}
 * is a JSON document inside a JSON string: both are parsed strictly, and anything else is an {@link
 * PollOutcome#UPSTREAM_ERROR} naming the field. An empty answer ({@code {}}) means the user_no is
 * unknown: {@link PollOutcome#NOT_FOUND}.
 */
public final class GtProfileClient {

  private final WebClient http;
  private final String baseUrl;
  private final BudgetGate gate;
  private final Clock clock;
  private final Duration timeout;
  private final RequestListener listener;

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
    this.gate = new BudgetGate(vertx, budget);
    this.clock = clock;
    this.timeout = timeout;
    this.listener = listener;
  }

  /** Job 3 of a profile. */
  public Future<GtProfileStats> stats(String userNo) {
    return gate.take()
        .compose(
            v -> {
              return UpstreamCalls.send(
                  http.postAbs(baseUrl + "/profile/?user_no=" + userNo + "&job=3")
                      .timeout(timeout.toMillis()),
                  "GT profile",
                  "profile_stats",
                  listener);
            })
        .map(response -> parse(userNo, paced(response)));
  }

  /**
   * The site names no limit, but an answer that carries quota headers paces the budget like
   * gtgridstats' do, and a 429 pauses it until its {@code Retry-After}.
   */
  private HttpResponse<Buffer> paced(HttpResponse<Buffer> response) {
    QuotaHints hints = QuotaPacing.heed(response, gate.budget(), clock, "profile_stats", listener);
    if (response.statusCode() == 429) {
      throw new UpstreamException(
          PollOutcome.RATE_LIMITED,
          "GT profile refused the request (429); budget paused until "
              + hints.retryAfterRefusal(clock.instant()),
          null);
    }
    return response;
  }

  static GtProfileStats parse(String userNo, HttpResponse<Buffer> response) {
    return parse(userNo, response.statusCode(), response.body());
  }

  /** Parses a job 3 answer strictly. */
  static GtProfileStats parse(String userNo, int status, Buffer raw) {
    if (status != 200) {
      throw invalid("GT profile answered " + status);
    }
    JsonObject body;
    try {
      body = raw == null ? null : new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      throw invalid("GT profile body is not a JSON object");
    }
    if (body == null || body.isEmpty() || body.getValue("stats") == null) {
      throw new UpstreamException(
          PollOutcome.NOT_FOUND, "GT profile " + userNo + " not found (empty answer)", null);
    }
    if (!(body.getValue("stats") instanceof JsonObject stats)) {
      throw invalid("GT profile stats is not an object");
    }
    Object inner = stats.getValue("stats");
    JsonObject document;
    try {
      document = inner instanceof String text ? new JsonObject(text) : null;
    } catch (DecodeException e) {
      throw invalid(
          "GT profile stats.stats is not a JSON document (" + e.getMessage().split("\n")[0] + ")");
    }
    if (document == null) {
      throw invalid("GT profile stats.stats is missing or not a string");
    }
    Integer manufacturer =
        stats.getValue("manufacturer_id") == null ? null : (int) number(stats, "manufacturer_id");
    Integer rideCar =
        document.getValue("ride_car_id") instanceof Number car ? car.intValue() : null;
    return new GtProfileStats(
        userNo,
        (int) number(stats, "driver_class"),
        number(stats, "driver_point"),
        (int) number(stats, "manner_point"),
        (int) number(stats, "race_count"),
        stats.getString("driver_photo_id"),
        manufacturer,
        rideCar,
        document.getMap());
  }

  private static long number(JsonObject stats, String field) {
    Object value = stats.getValue(field);
    if (!(value instanceof String text) || !text.matches("-?[0-9]{1,18}")) {
      throw invalid(
          "GT profile stats."
              + field
              + " is not a number in a string: "
              + (value == null ? "missing" : "'" + value + "'"));
    }
    return Long.parseLong(text);
  }

  private static UpstreamException invalid(String message) {
    return new UpstreamException(PollOutcome.UPSTREAM_ERROR, message, null);
  }
}
