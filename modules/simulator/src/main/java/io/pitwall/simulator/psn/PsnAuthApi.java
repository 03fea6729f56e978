package io.pitwall.simulator.psn;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * PSN's OAuth as the doc and the recordings show it: {@code GET .../authorize} trades the npsso
 * cookie for a code (a 302 to the app's redirect URI, or to the sign-in page with {@code
 * error=login_required} when the npsso is not valid), {@code POST .../token} trades a code or a
 * refresh token for tokens.
 */
final class PsnAuthApi {

  static final String PREFIX = "/api/authz/v3/oauth";
  private static final String SIGN_IN_PAGE = "https://my.account.sony.com/sonyacct/signin/";

  private final PsnWorld world;
  private final TokenStore tokens;
  private final PsnSimulatorConfig config;
  private final Clock clock;
  private final PsnFaults faults;

  PsnAuthApi(
      PsnWorld world, TokenStore tokens, PsnSimulatorConfig config, Clock clock, PsnFaults faults) {
    this.world = world;
    this.tokens = tokens;
    this.config = config;
    this.clock = clock;
    this.faults = faults;
  }

  void mount(Router router) {
    router.get(PREFIX + "/authorize").handler(this::authorize);
    router.post(PREFIX + "/token").handler(BodyHandler.create().setBodyLimit(16 * 1024));
    router.post(PREFIX + "/token").handler(this::token);
  }

  private void authorize(RoutingContext ctx) {
    String redirectUri = ctx.request().getParam("redirect_uri");
    if (ctx.request().getParam("client_id") == null
        || !"code".equals(ctx.request().getParam("response_type"))
        || redirectUri == null) {
      oauthError(
          ctx,
          400,
          "invalid_request",
          "client_id, response_type=code and redirect_uri are required");
      return;
    }
    String cid = UUID.randomUUID().toString();
    Account account = world.accountByNpsso(npssoCookie(ctx.request().getHeader("Cookie")));
    String location;
    if (account == null) {
      location =
          SIGN_IN_PAGE
              + "?"
              + ctx.request().query()
              + "&auth_ver=v3&error=login_required&error_code=4165"
              + "&error_description=User+is+not+authenticated&no_captcha=true&cid="
              + cid;
    } else {
      location = redirectUri + "/?code=" + tokens.issueCode(account.accountId()) + "&cid=" + cid;
      if (faults.take(PsnFault.Target.AUTHORIZE) == PsnFault.MALFORMED_AUTH_REDIRECT) {
        location += "&error_description=100%_sure|{broken}";
      }
    }
    ctx.response()
        .setStatusCode(302)
        .putHeader("Location", location)
        .putHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
        .putHeader("X-CorrelationId", cid)
        .end();
  }

  private void token(RoutingContext ctx) {
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization == null || !authorization.startsWith("Basic ")) {
      oauthError(ctx, 401, "invalid_client", "Client authentication failed");
      return;
    }
    String grantType = ctx.request().getFormAttribute("grant_type");
    if ("authorization_code".equals(grantType)) {
      TokenStore.Grant grant = tokens.redeemCode(ctx.request().getFormAttribute("code"));
      if (grant == null) {
        oauthError(ctx, 400, "invalid_grant", "Invalid authorization code");
        return;
      }
      String refresh = tokens.issueRefreshToken(grant.accountId(), config.refreshTokenLifetime());
      issue(ctx, grant.accountId(), refresh, config.refreshTokenLifetime());
    } else if ("refresh_token".equals(grantType)) {
      String refresh = ctx.request().getFormAttribute("refresh_token");
      TokenStore.Grant grant = tokens.refresh(refresh);
      if (grant == null) {
        oauthError(ctx, 400, "invalid_grant", "Invalid refresh token");
        return;
      }
      issue(ctx, grant.accountId(), refresh, Duration.between(clock.instant(), grant.expiresAt()));
    } else {
      oauthError(ctx, 400, "unsupported_grant_type", "Unsupported grant type");
    }
  }

  private void issue(RoutingContext ctx, String accountId, String refresh, Duration refreshLeft) {
    String access = tokens.issueAccessToken(accountId, config.accessTokenLifetime());
    JsonObject body =
        new JsonObject()
            .put("access_token", access)
            .put("token_type", "bearer")
            .put("expires_in", config.accessTokenLifetime().toSeconds() - 1)
            .put("scope", "psn:mobile.v2.core psn:clientapp")
            .put("id_token", "sim." + UUID.randomUUID())
            .put("refresh_token", refresh)
            .put("refresh_token_expires_in", Math.max(0, refreshLeft.toSeconds() - 1));
    ctx.response()
        .putHeader("Content-Type", "application/json;charset=UTF-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  private static void oauthError(RoutingContext ctx, int status, String error, String description) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json;charset=UTF-8")
        .end(
            new JsonObject()
                .put("error", error)
                .put("error_description", description)
                .put("error_code", status == 401 ? 4097 : 4159)
                .encode());
  }

  /** The npsso value from a Cookie header, or null. */
  static String npssoCookie(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    for (String part : cookieHeader.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith("npsso=")) {
        return trimmed.substring("npsso=".length());
      }
    }
    return null;
  }
}
