package io.pitwall.source.gridstats;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.gt.SeriesStanding;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.common.UpstreamHttp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gtgridstats API with a personal key: racers in batches of at most 16 (one request per batch),
 * series standings for a list of drivers. Quota headers in any common spelling ({@link QuotaHints})
 * cap the key's bucket, a 429 pauses it until its {@code Retry-After} or the reset. Bodies are
 * parsed by {@link GridstatsJson}.
 */
public final class GridstatsClient {

  /** The API's limit on drivers per racers request. */
  public static final int MAX_BATCH = 16;

  /**
   * A racers lookup.
   *
   * @param drivers the drivers found, by PSN id
   * @param notFound ids the API does not know
   */
  public record Racers(Map<String, Racer> drivers, List<String> notFound) {}

  /**
   * One driver's ratings.
   *
   * @param psnId PSN id
   * @param dr Driver Rating letter
   * @param sr Safety Rating letter
   * @param drPoints dr_points
   */
  public record Racer(String psnId, String dr, String sr, long drPoints) {}

  private final WebClient http;
  private final String baseUrl;
  private final String apiKey;
  private final UpstreamHttp upstream;

  /**
   * @param vertx for budget timers
   * @param http the Web Client
   * @param baseUrl e.g. https://gtgridstats.com
   * @param apiKey the personal key (secret)
   * @param budget the key's bucket
   * @param clock time source
   * @param timeout per request, sized for the stagger (a full batch of new drivers takes ~48 s)
   * @param listener told about every request
   */
  public GridstatsClient(
      Vertx vertx,
      WebClient http,
      String baseUrl,
      String apiKey,
      TokenBucket budget,
      Clock clock,
      Duration timeout,
      RequestListener listener) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
    this.upstream = new UpstreamHttp(vertx, budget, clock, timeout, listener, "gtgridstats");
  }

  /** The ratings of up to 16 drivers, in one request. */
  public Future<Racers> racers(List<String> psnIds) {
    if (psnIds.isEmpty() || psnIds.size() > MAX_BATCH) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "a racers batch holds 1 to 16 drivers, not " + psnIds.size()));
    }
    return send("racers", "/api/racers/" + join(psnIds))
        .map(response -> GridstatsJson.racers(response.body()));
  }

  /** The standings of the given drivers in one series. */
  public Future<List<SeriesStanding>> series(String seriesId, List<String> psnIds) {
    return send("series", "/api/series-" + seriesId + "/drivers/" + join(psnIds))
        .map(response -> GridstatsJson.series(seriesId, response.body()));
  }

  /** Manufacturer id to name, in a locale. */
  public Future<Map<Integer, String>> manufacturers(String locale) {
    return send("manufacturers", "/api/assets/manufacturers/" + locale)
        .map(response -> GridstatsJson.manufacturers(response.body()));
  }

  /** A car's name by internal id, car_code or gt7_code; empty when the catalog has no such car. */
  public Future<Optional<String>> carName(String identifier, String locale) {
    if (!identifier.matches("[A-Za-z0-9_]{1,20}")) {
      return Future.succeededFuture(Optional.empty());
    }
    return send("car", "/api/assets/cars/" + identifier + "/" + locale)
        .map(response -> GridstatsJson.carName(identifier, response.body()))
        .recover(
            e ->
                e instanceof UpstreamException u && u.outcome() == PollOutcome.NOT_FOUND
                    ? Future.succeededFuture(Optional.empty())
                    : Future.failedFuture(e));
  }

  /** Sends a metered request: its quota headers pace the key's bucket, its status is checked. */
  private Future<HttpResponse<Buffer>> send(String endpoint, String path) {
    return upstream
        .send(http.getAbs(baseUrl + path).putHeader("Authorization", "Bearer " + apiKey), endpoint)
        .map(response -> checked(endpoint, response));
  }

  private HttpResponse<Buffer> checked(String endpoint, HttpResponse<Buffer> response) {
    if (response.statusCode() == 401) {
      throw new UpstreamException(
          PollOutcome.AUTH_EXPIRED, "gtgridstats refused the API key (401)", null);
    }
    if (response.statusCode() == 404) {
      throw new UpstreamException(
          PollOutcome.NOT_FOUND, "gtgridstats " + endpoint + ": not found", null);
    }
    if (response.statusCode() != 200) {
      throw new UpstreamException(
          PollOutcome.UPSTREAM_ERROR,
          "gtgridstats " + endpoint + " answered " + response.statusCode(),
          null);
    }
    return response;
  }

  private static String join(List<String> ids) {
    return String.join(
        ",", ids.stream().map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8)).toList());
  }
}
