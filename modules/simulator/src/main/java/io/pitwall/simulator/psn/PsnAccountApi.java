package io.pitwall.simulator.psn;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The account endpoints that PSN clients call around the trophy API (seen in the recorded traffic):
 * who am I, profile by account id, account id by online id, and friends.
 */
final class PsnAccountApi {

  private final PsnWorld world;

  PsnAccountApi(PsnWorld world) {
    this.world = world;
  }

  void mount(Router router) {
    router.get("/api/v1/devices/accounts/me").handler(this::me);
    router.get("/api/userProfile/v1/internal/users/:accountId/profiles").handler(this::profile);
    router.get("/api/userProfile/v1/internal/users/:accountId/friends").handler(this::friends);
    router.get("/userProfile/v1/users/:onlineId/profile2").handler(this::profileByOnlineId);
  }

  private void me(RoutingContext ctx) {
    PsnSimulator.json(ctx, new JsonObject().put("accountId", PsnSimulator.identity(ctx)));
  }

  private void profile(RoutingContext ctx) {
    Account account = world.account(ctx.pathParam("accountId"));
    if (account == null) {
      throw PsnError.notFound();
    }
    String avatarBase = "http://static-resource.np.community.playstation.net/avatar";
    JsonArray avatars = new JsonArray();
    for (String size : new String[] {"s", "xl", "l", "m"}) {
      avatars.add(
          new JsonObject()
              .put("size", size)
              .put("url", avatarBase + "_" + size + "/default/DefaultAvatar_" + size + ".png"));
    }
    JsonArray pictures = new JsonArray();
    for (String size : new String[] {"s", "m", "l", "xl"}) {
      pictures.add(
          new JsonObject()
              .put("size", size)
              .put(
                  "url",
                  "https://image.api.np.km.playstation.net/images/?sim="
                      + account.accountId()
                      + "&size="
                      + size));
    }
    PsnSimulator.json(
        ctx,
        new JsonObject()
            .put("onlineId", account.onlineId())
            .put(
                "personalDetail",
                new JsonObject()
                    .put("firstName", account.onlineId())
                    .put("lastName", "Simulated")
                    .put("profilePictures", pictures))
            .put("aboutMe", "Simulated account")
            .put("avatars", avatars)
            .put("languages", new JsonArray().add(account.language() + "-US"))
            .put("isPlus", false)
            .put("isOfficiallyVerified", false)
            .put("isMe", account.accountId().equals(PsnSimulator.identity(ctx))));
  }

  private void friends(RoutingContext ctx) {
    String limit = ctx.request().getParam("limit");
    if (limit != null) {
      try {
        int value = Integer.parseInt(limit);
        if (value < 1 || value > 1000) {
          throw PsnError.badProfileQuery("limit");
        }
      } catch (NumberFormatException e) {
        throw PsnError.badProfileQuery("limit");
      }
    }
    if (world.account(ctx.pathParam("accountId")) == null) {
      throw PsnError.notFound();
    }
    PsnSimulator.json(
        ctx, new JsonObject().put("friends", new JsonArray()).put("totalItemCount", 0));
  }

  private void profileByOnlineId(RoutingContext ctx) {
    Account account = world.accountByOnlineId(ctx.pathParam("onlineId"));
    if (account == null) {
      throw PsnError.notFound();
    }
    PsnSimulator.json(
        ctx,
        new JsonObject()
            .put(
                "profile",
                new JsonObject()
                    .put("onlineId", account.onlineId())
                    .put("accountId", account.accountId())));
  }
}
