package io.pitwall.simulator.gt;

import static io.pitwall.simulator.gt.GridstatsApi.error;
import static io.pitwall.simulator.gt.GridstatsApi.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The gtgridstats catalog endpoints: regions (unmetered), manufacturers (localized), cars
 * (paginated with {@code next_page_url}), a car by internal id, car_code or gt7_code, and a
 * manufacturer's cars, optionally of one class (dots parsed out: {@code Gr3} is {@code Gr.3}).
 */
final class GridstatsCatalogApi {

  private static final int PAGE_SIZE = 15;

  private final GtWorld world;
  private final Supplier<String> baseUrl;

  GridstatsCatalogApi(GtWorld world, Supplier<String> baseUrl) {
    this.world = world;
    this.baseUrl = baseUrl;
  }

  /** Routes that do not consume the quota (mounted before metering). */
  void mountUnmetered(Router router) {
    router.get("/api/assets/regions").handler(this::regions);
  }

  /** Metered catalog routes (mounted after metering). */
  void mountMetered(Router router) {
    router.get("/api/assets/manufacturers").handler(ctx -> manufacturers(ctx, "en"));
    router
        .get("/api/assets/manufacturers/:code")
        .handler(ctx -> manufacturers(ctx, ctx.pathParam("code")));
    router.get("/api/assets/cars").handler(this::cars);
    router.get("/api/assets/cars/:identifier").handler(ctx -> car(ctx, "en"));
    router
        .get("/api/assets/cars/:identifier/:locale")
        .handler(ctx -> car(ctx, ctx.pathParam("locale")));
    router
        .get("/api/assets/manufacturer/:id/cars")
        .handler(ctx -> manufacturerCars(ctx, null, "en"));
    router
        .get("/api/assets/manufacturer/:id/cars/:locale")
        .handler(ctx -> manufacturerCars(ctx, null, ctx.pathParam("locale")));
    router
        .get("/api/assets/manufacturer/:id/:carClass")
        .handler(ctx -> manufacturerCars(ctx, ctx.pathParam("carClass"), "en"));
    router
        .get("/api/assets/manufacturer/:id/:carClass/:locale")
        .handler(ctx -> manufacturerCars(ctx, ctx.pathParam("carClass"), ctx.pathParam("locale")));
  }

  private void regions(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    world.catalog.regions.forEach(
        r ->
            out.add(
                new JsonObject()
                    .put("id", r.id())
                    .put("code", r.code())
                    .put("name", r.name())
                    .put("is_active", r.active())));
    json(ctx, out.encode());
  }

  private void manufacturers(RoutingContext ctx, String locale) {
    JsonArray out = new JsonArray();
    world.catalog.manufacturers.forEach(
        m ->
            out.add(
                new JsonObject()
                    .put("id", m.id())
                    .put("name", m.name(locale))
                    .put("logo", m.logo())));
    json(ctx, out.encode());
  }

  private void cars(RoutingContext ctx) {
    int page;
    try {
      page =
          Integer.parseInt(
              ctx.request().getParam("page") == null ? "1" : ctx.request().getParam("page"));
    } catch (NumberFormatException e) {
      page = 1;
    }
    List<GtCatalog.Car> all = world.catalog.cars;
    int from = Math.min(all.size(), Math.max(0, (page - 1) * PAGE_SIZE));
    int to = Math.min(all.size(), from + PAGE_SIZE);
    JsonArray data = new JsonArray();
    all.subList(from, to).forEach(c -> data.add(car(c, "en")));
    JsonObject body =
        new JsonObject()
            .put("current_page", page)
            .put("data", data)
            .put(
                "next_page_url",
                to < all.size() ? baseUrl.get() + "/api/assets/cars?page=" + (page + 1) : null)
            .put("total", all.size());
    json(ctx, body.encode());
  }

  private void car(RoutingContext ctx, String locale) {
    String id = ctx.pathParam("identifier");
    GtCatalog.Car car =
        world.catalog.cars.stream()
            .filter(
                c ->
                    Integer.toString(c.id()).equals(id)
                        || Integer.toString(c.carCode()).equals(id)
                        || c.gt7Code().equals(id))
            .findFirst()
            .orElse(null);
    if (car == null) {
      error(ctx, 404, "Car not found.");
      return;
    }
    json(ctx, car(car, locale).encode());
  }

  private void manufacturerCars(RoutingContext ctx, String carClass, String locale) {
    GtCatalog.Manufacturer m;
    try {
      m = world.catalog.manufacturer(Integer.parseInt(ctx.pathParam("id")));
    } catch (NumberFormatException e) {
      m = null;
    }
    if (m == null) {
      error(ctx, 404, "Manufacturer not found.");
      return;
    }
    String wanted = carClass == null ? null : carClass.replace(".", "").toLowerCase(Locale.ROOT);
    JsonArray cars = new JsonArray();
    int id = m.id();
    world.catalog.cars.stream()
        .filter(c -> c.manufacturerId() == id)
        .filter(
            c ->
                wanted == null
                    || c.carClass().replace(".", "").toLowerCase(Locale.ROOT).equals(wanted))
        .forEach(c -> cars.add(car(c, locale)));
    JsonObject body = new JsonObject().put("manufacturer", m.name("en"));
    if (carClass != null) {
      body.put("class", cars.isEmpty() ? carClass : cars.getJsonObject(0).getString("class"));
    }
    json(ctx, body.put("count", cars.size()).put("cars", cars).encode());
  }

  private JsonObject car(GtCatalog.Car c, String locale) {
    GtCatalog.Manufacturer m = world.catalog.manufacturer(c.manufacturerId());
    return new JsonObject()
        .put("id", c.id())
        .put("car_code", c.carCode())
        .put("gt7_code", c.gt7Code())
        .put("name", c.name(locale))
        .put("class", c.carClass())
        .put(
            "image",
            "https://www.gran-turismo.com/common/dist/gt7/carlist/car_images/"
                + c.gt7Code()
                + ".webp")
        .put("manufacturer", new JsonObject().put("id", m.id()).put("name", m.name(locale)));
  }
}
