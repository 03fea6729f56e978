package io.pitwall.simulator.gt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * The GT Sport profile API: {@code POST /us/api/gt7sp/profile?user_no=&job=} for jobs 1 (profile),
 * 3 (stats: {@code stats} is a JSON document inside a JSON string, numbers arrive as strings), 12
 * (DR history by month) and 13 (Sport Mode stats). Other jobs need the user's authorization: 401.
 * An unknown user_no answers 200 with an empty object (the simulator's choice for the real
 * service's empty lookup). Other methods than POST answer 405. Tests may make it hang or meter
 * ({@link GtFaults}).
 */
public final class GtProfileApi {

  public static final String PREFIX = "/us/api/gt7sp";
  private final GtWorld world;
  private final QuotaMeter quotas = new QuotaMeter();

  public GtProfileApi(GtWorld world) {
    this.world = world;
  }

  public void mount(Router router) {
    router.post(PREFIX + "/profile").handler(this::profile);
    router.post(PREFIX + "/profile/").handler(this::profile);
    router
        .route(PREFIX + "/profile*")
        .handler(ctx -> ctx.response().setStatusCode(405).putHeader("Allow", "POST").end());
  }

  private void profile(RoutingContext ctx) {
    if (world.faults().hung(GtFaults.Api.GT_PROFILE) || refusedByQuota(ctx)) {
      return; // hung: taken, never answered; refused: answered 429
    }
    String userNo = ctx.request().getParam("user_no");
    String job = ctx.request().getParam("job");
    if (userNo == null || job == null || !userNo.matches("[0-9]{1,12}")) {
      json(
          ctx.response().setStatusCode(400),
          new JsonObject().put("error", "user_no and job are required"));
      return;
    }
    if (!List.of("1", "3", "12", "13").contains(job)) {
      json(ctx.response().setStatusCode(401), new JsonObject().put("error", "unauthorized"));
      return;
    }
    synchronized (world) {
      ProfileDriver d = world.profile(userNo);
      if (d == null) {
        json(ctx.response(), new JsonObject());
        return;
      }
      switch (job) {
        case "1" ->
            json(
                ctx.response(),
                new JsonObject()
                    .put(
                        "profile",
                        new JsonObject()
                            .put("id", d.onlineId)
                            .put("status", "1")
                            .put("number", d.userNo)
                            .put("country", d.country)
                            .put("profile_photo_id", d.profilePhotoId)));
        case "3" -> json(ctx.response(), new JsonObject().put("stats", stats(d)));
        case "12" -> json(ctx.response(), new JsonObject().put("stats_history", history(ctx, d)));
        default -> {
          JsonArray sport = new JsonArray();
          d.sportStats.forEach(s -> sport.add(new JsonObject(new java.util.LinkedHashMap<>(s))));
          json(ctx.response(), new JsonObject().put("sport_stats", sport));
        }
      }
    }
  }

  /**
   * The opt-in quota ({@link GtFaults#meterProfiles}): accounting headers in the current spelling,
   * and a 429 past the quota. Off by default, as the docs name no limit. Metered on the wall clock.
   */
  private boolean refusedByQuota(RoutingContext ctx) {
    GtFaults faults = world.faults();
    int quota = faults.profileQuota();
    if (quota <= 0) {
      return false;
    }
    java.time.Instant now = java.time.Instant.now();
    QuotaMeter.Decision d = quotas.take("all", quota, faults.profileWindow(), now, false);
    faults.spelling().write(ctx.response(), d, quota, faults.profileWindow(), now);
    if (d.refused()) {
      json(ctx.response().setStatusCode(429), new JsonObject().put("error", "too many requests"));
    }
    return d.refused();
  }

  private static JsonObject stats(ProfileDriver d) {
    String inner =
        new JsonObject()
            .put("achievement_arcade", "0,0,0,0,0,0,0,300,0,300")
            .put("achievement_history", "300,263,300,300,0,203,300,300,187,214")
            .put("achievement_history_raw", "811708,25573406,618184,10531,0,21005910")
            .put("buy_car_count", 44)
            .put("campaign_progress", "100,100,100")
            .put("car_count", 217)
            .put("credit_earned", 21005910)
            .put("delivery_reward_car_ticket", 0)
            .put("level", 37)
            .put("level_progress", 3)
            .put("livery_count", 0)
            .put("login_count", 93)
            .put("mileage_earned", 277915)
            .put("nickname", d.onlineId)
            .put("photo_count", 103)
            .put("profile_color", 9)
            .put("ride_car_id", 3253)
            .put("total_running_meter", 25573406)
            .put("xp", 1536)
            .encode();
    return new JsonObject()
        .put("user_no", d.userNo)
        .put("manufacturer_id", Integer.toString(d.manufacturerId))
        .put("stats", inner)
        .put("ugc_all_count", "26")
        .put("ugc_photo_3_count", "11")
        .put("ugc_photo_11_count", "5")
        .put("ugc_livery_1_count", "0")
        .put("ugc_livery_2_count", "0")
        .put("ugc_livery_3_count", "0")
        .put("ugc_decal_count", "0")
        .put("ugc_replay_count", "10")
        .put("comment", "Simulated")
        .put("driver_class", Integer.toString(d.driverClass))
        .put("driver_point", Long.toString(d.driverPoint))
        .put("manner_point", Integer.toString(d.mannerPoint))
        .put("race_count", Integer.toString(d.raceCount))
        .put("driver_point_up_rate", "68")
        .put("driver_photo_id", d.driverPhotoId)
        .put("profile_photo_id", d.profilePhotoId)
        .put("follower_count", "37");
  }

  private static JsonArray history(RoutingContext ctx, ProfileDriver d) {
    JsonArray out = new JsonArray();
    int monthBegin = intParam(ctx, "month_begin", 1);
    int monthEnd = intParam(ctx, "month_end", 12);
    int yearBegin = intParam(ctx, "year_begin", 2017);
    int yearEnd = intParam(ctx, "year_end", 2100);
    for (Map.Entry<String, List<Long>> e : d.drHistory.entrySet()) {
      int year = Integer.parseInt(e.getKey().substring(0, 4));
      int month = Integer.parseInt(e.getKey().substring(5));
      int key = year * 12 + month;
      if (key >= yearBegin * 12 + monthBegin && key <= yearEnd * 12 + monthEnd) {
        JsonArray points = new JsonArray();
        e.getValue().forEach(p -> points.add(Long.toString(p)));
        out.add(
            new JsonObject()
                .put("year", Integer.toString(year))
                .put("month", Integer.toString(month))
                .put("stats1", points)
                .put("stats2", manner(e.getValue().size(), d.mannerPoint)));
      }
    }
    return out;
  }

  /** The second history series (Safety Rating points), as long as the first. */
  private static JsonArray manner(int size, int mannerPoint) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < size; i++) {
      out.add(Integer.toString(mannerPoint));
    }
    return out;
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    try {
      return Integer.parseInt(ctx.request().getParam(name));
    } catch (NumberFormatException | NullPointerException e) {
      return fallback;
    }
  }

  static void json(io.vertx.core.http.HttpServerResponse response, JsonObject body) {
    response.putHeader("Content-Type", "application/json").end(body.encode());
  }
}
