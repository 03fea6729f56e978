package io.pitwall.source.gridstats;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.gt.SeriesStanding;
import io.pitwall.source.common.BudgetGate;
import io.pitwall.source.common.QuotaHints;
import io.pitwall.source.common.QuotaPacing;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.common.UpstreamCalls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gtgridstats API with a personal key: racers in batches of at most 16 (one request per batch),
 * series standings for a list of drivers. Quota headers in any common spelling ({@link QuotaHints})
 * cap the key's bucket, a 429 pauses it until its {@code Retry-After} or the reset, and bodies are
 * parsed strictly.
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
  private final BudgetGate gate;
  private final Clock clock;
  private final Duration timeout;
  private final RequestListener listener;

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
    this.gate = new BudgetGate(vertx, budget);
    this.clock = clock;
    this.timeout = timeout;
    this.listener = listener;
  }

  /** The ratings of up to 16 drivers, in one request. */
  public Future<Racers> racers(List<String> psnIds) {
    if (psnIds.isEmpty() || psnIds.size() > MAX_BATCH) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "a racers batch holds 1 to 16 drivers, not " + psnIds.size()));
    }
    return get("racers", "/api/racers/" + join(psnIds)).map(GridstatsClient::parseRacers);
  }

  /** The standings of the given drivers in one series. */
  public Future<List<SeriesStanding>> series(String seriesId, List<String> psnIds) {
    return get("series", "/api/series-" + seriesId + "/drivers/" + join(psnIds))
        .map(body -> parseSeries(seriesId, body));
  }

  /** Manufacturer id to name, in a locale. */
  public Future<Map<Integer, String>> manufacturers(String locale) {
    return getArray("manufacturers", "/api/assets/manufacturers/" + locale)
        .map(
            list -> {
              Map<Integer, String> names = new HashMap<>();
              for (int i = 0; i < list.size(); i++) {
                JsonObject m = object(list.getValue(i), "manufacturers[" + i + "]");
                if (!(m.getValue("id") instanceof Number id)
                    || !(m.getValue("name") instanceof String name)) {
                  throw invalid("manufacturers[" + i + "] needs a numeric id and a name");
                }
                names.put(id.intValue(), name);
              }
              return names;
            });
  }

  /** A car's name by internal id, car_code or gt7_code; empty when the catalog has no such car. */
  public Future<java.util.Optional<String>> carName(String identifier, String locale) {
    if (!identifier.matches("[A-Za-z0-9_]{1,20}")) {
      return Future.succeededFuture(java.util.Optional.empty());
    }
    return get("car", "/api/assets/cars/" + identifier + "/" + locale)
        .map(
            car ->
                java.util.Optional.of(
                    car.getValue("name") instanceof String name ? name : identifier))
        .recover(
            e ->
                e instanceof UpstreamException u && u.outcome() == PollOutcome.NOT_FOUND
                    ? Future.succeededFuture(java.util.Optional.empty())
                    : Future.failedFuture(e));
  }

  private Future<JsonArray> getArray(String endpoint, String path) {
    return send(endpoint, path)
        .map(
            response -> {
              try {
                return response.bodyAsJsonArray();
              } catch (DecodeException | ClassCastException e) {
                throw invalid(endpoint + " body is not a JSON array");
              }
            });
  }

  private Future<JsonObject> get(String endpoint, String path) {
    return send(endpoint, path)
        .map(
            response -> {
              try {
                return response.bodyAsJsonObject();
              } catch (DecodeException | ClassCastException e) {
                throw invalid(endpoint + " body is not a JSON object");
              }
            });
  }

  /** Sends a metered request: its quota headers pace the key's bucket, its status is checked. */
  private Future<HttpResponse<Buffer>> send(String endpoint, String path) {
    return gate.take()
        .compose(
            v ->
                UpstreamCalls.send(
                    http.getAbs(baseUrl + path)
                        .putHeader("Authorization", "Bearer " + apiKey)
                        .timeout(timeout.toMillis()),
                    "gtgridstats",
                    endpoint,
                    listener))
        .map(response -> checked(endpoint, response));
  }

  private HttpResponse<Buffer> checked(String endpoint, HttpResponse<Buffer> response) {
    QuotaHints hints = QuotaPacing.heed(response, gate.budget(), clock, endpoint, listener);
    if (response.statusCode() == 429) {
      throw new UpstreamException(
          PollOutcome.RATE_LIMITED,
          "gtgridstats quota spent; budget paused until "
              + hints.retryAfterRefusal(clock.instant()),
          null);
    }
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

  static Racers parseRacers(JsonObject body) {
    JsonArray drivers = array(body, "drivers");
    Map<String, Racer> found = new HashMap<>();
    for (int i = 0; i < drivers.size(); i++) {
      JsonObject d = object(drivers.getValue(i), "drivers[" + i + "]");
      JsonObject stats = object(d.getValue("stats"), "drivers[" + i + "].stats");
      Object points = stats.getValue("dr_points");
      if (!(points instanceof Number number)) {
        throw invalid("drivers[" + i + "].stats.dr_points is not a number");
      }
      String psnId = string(d, "PSN_ID", i);
      found.put(
          psnId, new Racer(psnId, letter(d, "DR", i), letter(d, "SR", i), number.longValue()));
    }
    List<String> notFound = new ArrayList<>();
    array(body, "not_found").forEach(id -> notFound.add(String.valueOf(id)));
    return new Racers(found, notFound);
  }

  static List<SeriesStanding> parseSeries(String seriesId, JsonObject body) {
    String type = body.getValue("type") instanceof String t ? t : null;
    List<SeriesStanding> standings = new ArrayList<>();
    JsonArray drivers = array(body, "drivers");
    for (int i = 0; i < drivers.size(); i++) {
      JsonObject d = object(drivers.getValue(i), "drivers[" + i + "]");
      List<SeriesStanding.Round> rounds = new ArrayList<>();
      JsonArray list = array(d, "rounds");
      for (int r = 0; r < list.size(); r++) {
        JsonObject round = object(list.getValue(r), "drivers[" + i + "].rounds[" + r + "]");
        if (!(round.getValue("no") instanceof Number no)
            || !(round.getValue("points") instanceof Number points)
            || !(round.getValue("is_counted") instanceof Boolean counted)) {
          throw invalid(
              "drivers["
                  + i
                  + "].rounds["
                  + r
                  + "] needs a numeric no and points and a boolean is_counted");
        }
        rounds.add(new SeriesStanding.Round(no.intValue(), points.doubleValue(), counted));
      }
      Integer rank = d.getValue("season_rank") instanceof Number n ? n.intValue() : null;
      Double total = d.getValue("total_points") instanceof Number n ? n.doubleValue() : null;
      standings.add(
          new SeriesStanding(seriesId + "|" + string(d, "psn", i), type, rank, total, rounds));
    }
    return standings;
  }

  private static String letter(JsonObject d, String field, int i) {
    String value = string(d, field, i);
    if (!io.pitwall.gt.RatingScales.ORDER.contains(value)) {
      throw invalid("drivers[" + i + "]." + field + " '" + value + "' is not a rating letter");
    }
    return value;
  }

  private static String string(JsonObject d, String field, int i) {
    if (!(d.getValue(field) instanceof String value)) {
      throw invalid("drivers[" + i + "]." + field + " is missing or not a string");
    }
    return value;
  }

  private static JsonArray array(JsonObject json, String field) {
    if (json == null || !(json.getValue(field) instanceof JsonArray array)) {
      throw invalid(field + " is missing or not an array");
    }
    return array;
  }

  private static JsonObject object(Object value, String path) {
    if (!(value instanceof JsonObject object)) {
      throw invalid(path + " is not an object");
    }
    return object;
  }

  private static String join(List<String> ids) {
    return String.join(
        ",", ids.stream().map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8)).toList());
  }

  private static UpstreamException invalid(String problem) {
    return new UpstreamException(
        PollOutcome.UPSTREAM_ERROR, "Unexpected gtgridstats response: " + problem, null);
  }
}
