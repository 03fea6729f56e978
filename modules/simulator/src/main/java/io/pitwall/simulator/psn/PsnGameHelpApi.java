package io.pitwall.simulator.psn;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Game Help endpoints: persisted GraphQL operations {@code metGetHintAvailability} and {@code
 * metGetTips} at {@code GET /api/graphql/v1/op}, with their {@code variables} as JSON in the query
 * string and the required {@code apollographql-client-name} header. Bad requests get a GraphQL
 * error document ({@code {"errors": [{"message"}]}}) with status 400.
 */
final class PsnGameHelpApi {

  private final PsnWorld world;

  PsnGameHelpApi(PsnWorld world) {
    this.world = world;
  }

  void mount(Router router) {
    router.get("/api/graphql/v1/op").handler(this::operation);
  }

  private void operation(RoutingContext ctx) {
    if (ctx.request().getHeader("apollographql-client-name") == null) {
      graphqlError(ctx, "Missing header apollographql-client-name");
      return;
    }
    JsonObject variables;
    try {
      String raw = ctx.request().getParam("variables");
      variables = raw == null ? null : new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      graphqlError(ctx, "variables is not a JSON object");
      return;
    }
    if (variables == null || variables.getString("npCommId") == null) {
      graphqlError(ctx, "variables.npCommId is required");
      return;
    }
    String operation = String.valueOf(ctx.request().getParam("operationName"));
    List<GameHint> hints = world.hints(variables.getString("npCommId"));
    switch (operation) {
      case "metGetHintAvailability" -> availability(ctx, variables, hints);
      case "metGetTips" -> tips(ctx, variables, hints);
      default -> graphqlError(ctx, "PersistedQueryNotFound: " + operation);
    }
  }

  private static void availability(RoutingContext ctx, JsonObject variables, List<GameHint> hints) {
    JsonArray wanted = variables.getJsonArray("trophyIds");
    Set<String> ids = new HashSet<>();
    if (wanted != null) {
      wanted.forEach(id -> ids.add(String.valueOf(id).trim()));
    }
    String communicationId = variables.getString("npCommId");
    JsonArray trophies = new JsonArray();
    for (GameHint hint : hints) {
      if (ids.isEmpty() || ids.contains(Integer.toString(hint.trophyId()))) {
        trophies.add(
            new JsonObject()
                .put("__typename", "TrophyInfoWithHintAvailable")
                .put("helpType", hint.helpType())
                .put("id", communicationId + "::" + hint.trophyId())
                .put("trophyId", Integer.toString(hint.trophyId()))
                .put("udsObjectId", hint.udsObjectId()));
      }
    }
    PsnSimulator.json(
        ctx,
        new JsonObject()
            .put(
                "data",
                new JsonObject()
                    .put(
                        "hintAvailabilityRetrieve",
                        new JsonObject()
                            .put("__typename", "HintAvailability")
                            .put("trophies", trophies))));
  }

  private static void tips(RoutingContext ctx, JsonObject variables, List<GameHint> hints) {
    Object requested = variables.getValue("trophies");
    JsonArray wanted =
        requested instanceof JsonArray array
            ? array
            : requested instanceof JsonObject one ? new JsonArray().add(one) : new JsonArray();
    String communicationId = variables.getString("npCommId");
    JsonArray trophies = new JsonArray();
    for (Object item : wanted) {
      if (!(item instanceof JsonObject request)) {
        continue;
      }
      hints.stream()
          .filter(h -> Integer.toString(h.trophyId()).equals(request.getString("trophyId")))
          .filter(h -> h.udsObjectId().equals(request.getString("udsObjectId")))
          .findFirst()
          .ifPresent(hint -> trophies.add(trophyTip(communicationId, hint)));
    }
    PsnSimulator.json(
        ctx,
        new JsonObject()
            .put(
                "data",
                new JsonObject()
                    .put(
                        "tipsRetrieve",
                        new JsonObject()
                            .put("__typename", "Tips")
                            .put("hasAccess", true)
                            .put("trophies", trophies))));
  }

  private static JsonObject trophyTip(String communicationId, GameHint hint) {
    JsonArray contents = new JsonArray();
    for (GameHint.Tip tip : hint.tips()) {
      contents.add(
          new JsonObject()
              .put("__typename", "TipContent")
              .put("description", tip.description())
              .put("displayName", tip.displayName())
              .put("mediaId", tip.mediaId())
              .put("mediaType", tip.mediaType())
              .put("mediaUrl", tip.mediaUrl())
              .put("tipId", tip.tipId()));
    }
    JsonObject group =
        new JsonObject()
            .put("__typename", "TipGroup")
            .putNull("groupId")
            .putNull("groupName")
            .put("tipContents", contents);
    return new JsonObject()
        .put("__typename", "TrophyTip")
        .put("groups", new JsonArray().add(group))
        .put("id", communicationId + "::" + hint.trophyId())
        .put("totalGroupCount", 1)
        .put("trophyId", Integer.toString(hint.trophyId()));
  }

  private static void graphqlError(RoutingContext ctx, String message) {
    ctx.response().setStatusCode(400);
    PsnSimulator.json(
        ctx,
        new JsonObject()
            .put("errors", new JsonArray().add(new JsonObject().put("message", message))));
  }
}
