package io.pitwall.simulator.gt;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gtgridstats API. Every {@code /api/...} request needs {@code Authorization: Bearer <key>}
 * (401 otherwise). Metered requests (all but regions) carry {@code X-RateLimit-Limit}, {@code
 * X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (unix seconds); past the quota they answer
 * 429 with {@code Retry-After}. Racer lookups take at most 16 ids (422 beyond), list unknown ids in
 * {@code not_found}, and wait the stagger delay for each driver not yet indexed. Header names and
 * error bodies are the simulator's choice where the doc names none (Laravel's usual ones).
 */
public final class GridstatsApi {

  private static final int MAX_RACERS = 16;
  private static final DateTimeFormatter SYNC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final GtWorld world;
  private final GtSimulatorConfig config;
  private final Clock clock;
  private final QuotaMeter quotas = new QuotaMeter();
  private final Vertx vertx;
  private final java.util.function.Supplier<String> baseUrl;

  /** Whether a path belongs to this API (for the request log). */
  public static boolean owns(String path) {
    return path.startsWith("/api/assets/")
        || path.startsWith("/api/racers")
        || path.startsWith("/api/series-");
  }

  public GridstatsApi(
      Vertx vertx,
      GtWorld world,
      GtSimulatorConfig config,
      Clock clock,
      java.util.function.Supplier<String> baseUrl) {
    this.vertx = vertx;
    this.world = world;
    this.config = config;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  public void mount(Router router) {
    String metered = "/api/(assets|racers|series-).*";
    GridstatsCatalogApi catalog = new GridstatsCatalogApi(world, baseUrl);
    router.routeWithRegex(metered).handler(this::authenticate);
    catalog.mountUnmetered(router);
    router.routeWithRegex(metered).handler(this::meter);
    catalog.mountMetered(router);
    router.post("/api/racers").handler(BodyHandler.create().setBodyLimit(16 * 1024));
    router.post("/api/racers").handler(this::racersBatch);
    router
        .get("/api/racers/:identifiers")
        .handler(ctx -> racers(ctx, Arrays.asList(ctx.pathParam("identifiers").split(","))));
    router.getWithRegex("/api/series-([^/]+)/drivers/([^/]+)").handler(this::series);
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String key = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
    if (key == null || !config.gridstatsKeys().contains(key) || world.faults().revoked(key)) {
      error(ctx, 401, "Unauthenticated.");
      return;
    }
    if (world.faults().hung(key) || world.faults().hung(GtFaults.Api.GRIDSTATS)) {
      return; // taken, never answered: the client's timeout ends it
    }
    ctx.put("gridstats.key", key);
    ctx.next();
  }

  private void meter(RoutingContext ctx) {
    String key = ctx.get("gridstats.key");
    Instant now = clock.instant();
    QuotaMeter.Decision d =
        quotas.take(
            key,
            config.gridstatsQuota(),
            config.gridstatsWindow(),
            now,
            world.takeQuotaExhaustion());
    world
        .faults()
        .spelling()
        .write(ctx.response(), d, config.gridstatsQuota(), config.gridstatsWindow(), now);
    if (d.refused()) {
      error(ctx, 429, "Too Many Attempts.");
      return;
    }
    ctx.next();
  }

  private void racersBatch(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      JsonArray ids = body == null ? null : body.getJsonArray("psn_ids");
      if (ids == null) {
        validation(ctx, "psn_ids", "The psn ids field is required.");
        return;
      }
      List<String> list = new ArrayList<>();
      ids.forEach(id -> list.add(String.valueOf(id)));
      racers(ctx, list);
    } catch (DecodeException | ClassCastException e) {
      validation(ctx, "psn_ids", "The psn ids field must be an array.");
    }
  }

  private void racers(RoutingContext ctx, List<String> requested) {
    List<String> ids =
        requested.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    if (ids.isEmpty()) {
      validation(ctx, "psn_ids", "The psn ids field is required.");
      return;
    }
    if (ids.size() > MAX_RACERS) {
      validation(ctx, "psn_ids", "The psn ids field must not have more than 16 items.");
      return;
    }
    JsonArray drivers = new JsonArray();
    JsonArray notFound = new JsonArray();
    int unindexed = 0;
    synchronized (world) {
      for (String id : ids) {
        GridDriver d = world.gridDriver(id);
        if (d == null) {
          notFound.add(id);
          continue;
        }
        if (!d.indexed) {
          unindexed++;
          d.indexed = true;
        }
        drivers.add(driver(d));
      }
    }
    JsonObject body =
        new JsonObject()
            .put("status", "complete")
            .put("count", drivers.size())
            .put("not_found", notFound)
            .put("drivers", drivers);
    long delay = config.staggerDelay().toMillis() * unindexed;
    if (delay == 0) {
      json(ctx, body.encode());
    } else {
      vertx.setTimer(delay, t -> json(ctx, body.encode()));
    }
  }

  private static JsonObject driver(GridDriver d) {
    return new JsonObject()
        .put("PSN_ID", d.psnId)
        .put("Nickname", d.nickname)
        .put("GUID", d.guid)
        .put("DR", d.dr)
        .put("SR", d.sr)
        .put("last_sync", SYNC.format(d.lastSync))
        .put("country_code", d.countryCode)
        .put(
            "stats",
            new JsonObject()
                .put("dr_points", d.drPoints)
                .put("dr_ratio", d.drPoints / 1_000_000.0 + 0.04)
                .put("total_races", d.totalRaces)
                .put("victories", d.victories)
                .put("poles", 3)
                .put("fastest_laps", 5)
                .put("clean_races", d.totalRaces / 3)
                .put("collector_level", 70)
                .put("license", "Master")
                .put("garage_count", 629)
                .put("collection_progress", "100%")
                .put("total_credits", 686491958L)
                .put("play_time_readable", "1,265h 4m")
                .put("distance_km", "100,520.7"));
  }

  private void series(RoutingContext ctx) {
    String seriesId = ctx.pathParam("param0");
    List<String> psns =
        Arrays.stream(ctx.pathParam("param1").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (!seriesId.matches("[0-9]{1,10}")) {
      error(ctx, 404, "Series not found.");
      return;
    }
    synchronized (world) {
      GridSeries series = world.series(seriesId);
      if (series == null) {
        error(ctx, 404, "Series not found.");
        return;
      }
      JsonArray drivers = new JsonArray();
      for (String psn : psns) {
        if (!series.rounds.containsKey(psn)) {
          continue;
        }
        JsonArray rounds = new JsonArray();
        series
            .roundsOf(psn)
            .forEach(
                (no, r) ->
                    rounds.add(
                        new JsonObject()
                            .put("no", no)
                            .put("points", r.points())
                            .put("is_counted", r.counted())));
        drivers.add(
            new JsonObject()
                .put("psn", psn)
                .put("season_rank", series.rank(psn))
                .put("total_points", series.total(psn))
                .put("rounds", rounds));
      }
      json(
          ctx,
          new JsonObject()
              .put("series_id", series.id)
              .put("type", series.type)
              .put("driver_count", drivers.size())
              .put("drivers", drivers)
              .encode());
    }
  }

  private static void validation(RoutingContext ctx, String field, String message) {
    ctx.response()
        .setStatusCode(422)
        .putHeader("Content-Type", "application/json")
        .end(
            new JsonObject()
                .put("message", message)
                .put("errors", new JsonObject().put(field, new JsonArray().add(message)))
                .encode());
  }

  static void error(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("message", message).encode());
  }

  static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
