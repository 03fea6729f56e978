package io.pitwall.simulator.psn;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Trophy API v2 endpoints under {@code /api/trophy/v1}. Every handler runs after {@link
 * PsnSimulator}'s bearer-token and rate-limit checks, holds the world lock while it renders, and
 * answers errors in PSN's shape.
 */
final class PsnTrophyApi {

  static final String PREFIX = "/api/trophy/v1";
  private static final int TITLES_DEFAULT_LIMIT = 100;
  private static final int TITLES_MAX_LIMIT = 800;
  private static final int TROPHIES_MAX_LIMIT = 2000;
  private static final int MAX_TITLE_IDS = 5;

  private final PsnWorld world;
  private final PsnFaults faults;

  PsnTrophyApi(PsnWorld world, PsnFaults faults) {
    this.world = world;
    this.faults = faults;
  }

  void mount(Router router) {
    router.get(PREFIX + "/users/:accountId/trophyTitles").handler(this::trophyTitles);
    router.get(PREFIX + "/users/:accountId/trophySummary").handler(this::trophySummary);
    router.get(PREFIX + "/users/:accountId/titles/trophyTitles").handler(this::titleSummaries);
    router
        .get(PREFIX + "/users/:accountId/npCommunicationIds/:id/trophyGroups/:group/trophies")
        .handler(this::earnedTrophies);
    router
        .get(PREFIX + "/users/:accountId/npCommunicationIds/:id/trophyGroups")
        .handler(this::earnedGroups);
    router
        .get(PREFIX + "/npCommunicationIds/:id/trophyGroups/:group/trophies")
        .handler(this::titleTrophies);
    router.get(PREFIX + "/npCommunicationIds/:id/trophyGroups").handler(this::titleGroups);
  }

  private void trophyTitles(RoutingContext ctx) {
    Paging paging = paging(ctx, TITLES_MAX_LIMIT);
    synchronized (world) {
      Account target = PsnSimulator.target(ctx, world);
      PsnFault fault = faults.take(PsnFault.Target.TITLE_LIST);
      if (fault == PsnFault.PRIVATE_TITLE_LIST) {
        throw PsnError.forbidden();
      }
      boolean own = target.accountId().equals(PsnSimulator.identity(ctx));
      List<Map.Entry<TitleDef, TitleProgress>> titles =
          fault == PsnFault.EMPTY_TITLE_LIST ? List.of() : world.titlesOf(target.accountId(), own);
      List<Map.Entry<TitleDef, TitleProgress>> items = paging.page(titles, TITLES_DEFAULT_LIMIT);
      if (fault == PsnFault.SHORT_TITLE_LIST) {
        items = firstHalf(items);
      }
      JsonArray page = new JsonArray();
      items.forEach(e -> page.add(PsnJson.titleListEntry(e.getKey(), e.getValue())));
      JsonObject body = new JsonObject().put("trophyTitles", page);
      paging.annotate(body, titles.size(), TITLES_DEFAULT_LIMIT);
      PsnSimulator.json(ctx, body.put("totalItemCount", titles.size()));
    }
  }

  private void trophySummary(RoutingContext ctx) {
    synchronized (world) {
      Account target = PsnSimulator.target(ctx, world);
      List<TrophyDef> earned = new ArrayList<>();
      for (Map.Entry<TitleDef, TitleProgress> e : world.titlesOf(target.accountId(), true)) {
        earned.addAll(PsnJson.earnedOf(e.getKey().trophies(), e.getValue()));
      }
      long points = earned.stream().mapToLong(t -> t.type().points()).sum();
      int level = TrophyLevels.level(points);
      long base = TrophyLevels.basePoints(level);
      long next = level >= 999 ? base : TrophyLevels.basePoints(level + 1);
      int progress = next == base ? 100 : (int) ((points - base) * 100 / (next - base));
      PsnSimulator.json(
          ctx,
          new JsonObject()
              .put("accountId", target.accountId())
              .put("trophyLevel", level)
              .put("trophyPoint", points)
              .put("trophyLevelBasePoint", base)
              .put("trophyLevelNextPoint", next)
              .put("progress", progress)
              .put("tier", TrophyLevels.tier(level))
              .put("earnedTrophies", PsnJson.counts(TitleDef.countByType(earned))));
    }
  }

  private void titleSummaries(RoutingContext ctx) {
    String raw = ctx.request().getParam("npTitleIds");
    if (raw == null || raw.isBlank()) {
      throw PsnError.badQuery("npTitleIds");
    }
    List<String> ids =
        Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (ids.isEmpty()) {
      throw PsnError.badQuery("npTitleIds");
    }
    if (ids.size() > MAX_TITLE_IDS) {
      throw PsnError.badQuery("npTitleId");
    }
    boolean includeNotEarned =
        "true".equalsIgnoreCase(ctx.request().getParam("includeNotEarnedTrophyIds"));
    synchronized (world) {
      Account target = PsnSimulator.target(ctx, world);
      String language = language(ctx, target);
      JsonArray titles = new JsonArray();
      for (String npTitleId : ids) {
        String communicationId = world.communicationIdOf(npTitleId);
        if (communicationId == null) {
          throw PsnError.notFound();
        }
        JsonArray sets = new JsonArray();
        TitleProgress progress = world.progressOf(target.accountId(), communicationId);
        if (progress != null) {
          sets.add(
              PsnJson.titleSummary(
                  world.title(communicationId), progress, language, includeNotEarned));
        }
        titles.add(new JsonObject().put("npTitleId", npTitleId).put("trophyTitles", sets));
      }
      PsnSimulator.json(ctx, new JsonObject().put("titles", titles));
    }
  }

  private void earnedTrophies(RoutingContext ctx) {
    Paging paging = paging(ctx, TROPHIES_MAX_LIMIT);
    synchronized (world) {
      Account target = PsnSimulator.target(ctx, world);
      TitleDef title = titleFor(ctx);
      TitleProgress progress = world.progressOf(target.accountId(), title.npCommunicationId());
      if (progress == null) {
        throw PsnError.notFound();
      }
      List<TrophyDef> trophies = trophiesOfGroup(ctx, title);
      List<TrophyDef> items = paging.page(trophies, trophies.size());
      if (faults.take(PsnFault.Target.EARNED_LIST) == PsnFault.SHORT_EARNED_LIST) {
        items = firstHalf(items);
      }
      JsonArray page = new JsonArray();
      items.forEach(t -> page.add(PsnJson.trophyStatus(title, t, progress)));
      JsonObject body =
          new JsonObject()
              .put("trophySetVersion", title.trophySetVersion())
              .put("hasTrophyGroups", title.hasTrophyGroups())
              .put("lastUpdatedDateTime", PsnJson.time(progress.lastUpdated))
              .put("trophies", page);
      List<TrophyDef> rarest = PsnJson.rarest(trophies, progress);
      if (!rarest.isEmpty()) {
        JsonArray rare = new JsonArray();
        rarest.forEach(t -> rare.add(PsnJson.trophyStatus(title, t, progress)));
        body.put("rarestTrophies", rare);
      }
      paging.annotate(body, trophies.size(), trophies.size());
      PsnSimulator.json(ctx, body.put("totalItemCount", trophies.size()));
    }
  }

  private void earnedGroups(RoutingContext ctx) {
    synchronized (world) {
      Account target = PsnSimulator.target(ctx, world);
      TitleDef title = titleFor(ctx);
      TitleProgress progress = world.progressOf(target.accountId(), title.npCommunicationId());
      if (progress == null) {
        throw PsnError.notFound();
      }
      PsnSimulator.json(ctx, PsnJson.earnedGroups(title, progress));
    }
  }

  private void titleTrophies(RoutingContext ctx) {
    Paging paging = paging(ctx, TROPHIES_MAX_LIMIT);
    synchronized (world) {
      TitleDef title = titleFor(ctx);
      List<TrophyDef> trophies = trophiesOfGroup(ctx, title);
      String language = language(ctx, world.account(PsnSimulator.identity(ctx)));
      JsonArray page = new JsonArray();
      paging
          .page(trophies, trophies.size())
          .forEach(t -> page.add(PsnJson.trophyMetadata(title, t, language)));
      JsonObject body =
          new JsonObject()
              .put("trophySetVersion", title.trophySetVersion())
              .put("hasTrophyGroups", title.hasTrophyGroups())
              .put("trophies", page);
      paging.annotate(body, trophies.size(), trophies.size());
      ctx.response().putHeader("Cache-Control", "max-age=300").putHeader("Vary", "Accept-Language");
      PsnSimulator.json(ctx, body.put("totalItemCount", trophies.size()));
    }
  }

  private void titleGroups(RoutingContext ctx) {
    synchronized (world) {
      TitleDef title = titleFor(ctx);
      ctx.response().putHeader("Cache-Control", "max-age=300").putHeader("Vary", "Accept-Language");
      PsnSimulator.json(ctx, PsnJson.titleGroups(title));
    }
  }

  /**
   * The title named in the path, in the trophy service the request names: PS3/PS4/Vita titles exist
   * only under {@code npServiceName=trophy}, PS5/PC titles only under {@code trophy2} (the
   * default), so asking in the wrong service finds nothing.
   */
  private TitleDef titleFor(RoutingContext ctx) {
    String service = ctx.request().getParam("npServiceName");
    if (service != null && !service.equals("trophy") && !service.equals("trophy2")) {
      throw PsnError.badQuery("npServiceName");
    }
    TitleDef title = world.title(ctx.pathParam("id"));
    if (title == null || !title.serviceName().equals(service == null ? "trophy2" : service)) {
      throw PsnError.notFound();
    }
    return title;
  }

  private static List<TrophyDef> trophiesOfGroup(RoutingContext ctx, TitleDef title) {
    String group = ctx.pathParam("group");
    if (!group.equals("all") && title.group(group) == null) {
      throw PsnError.notFound();
    }
    return title.trophies(group);
  }

  /** The first half of a page (a truncated answer), always dropping at least one item. */
  private static <T> List<T> firstHalf(List<T> items) {
    return items.subList(0, items.size() / 2);
  }

  private static Paging paging(RoutingContext ctx, int maxLimit) {
    return Paging.parse(
        ctx.request().getParam("limit"), ctx.request().getParam("offset"), maxLimit);
  }

  /** The primary language of Accept-Language, else the authenticating account's language. */
  private static String language(RoutingContext ctx, Account fallback) {
    String header = ctx.request().getHeader("Accept-Language");
    if (header != null && !header.isBlank()) {
      String first = header.split(",")[0].split(";")[0].trim();
      if (!first.isEmpty() && !first.equals("*")) {
        return first.split("-")[0].toLowerCase(Locale.ROOT);
      }
    }
    return fallback == null ? "en" : fallback.language();
  }
}
