package io.pitwall.simulator.psn;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;

/**
 * The PSN side of the simulator: OAuth, the Trophy API v2 and the account endpoints around it, over
 * one {@link PsnWorld}. Authenticated endpoints need a live bearer token (else 401) and count
 * against the token owner's rate limit (past it, 429 with {@code X-RateLimit-Next-Available} in
 * unix seconds).
 */
public final class PsnSimulator {

  private static final String IDENTITY = "pitwall.identity";
  private static final String[] AUTHENTICATED = {
    "/api/trophy/", "/api/userProfile/", "/userProfile/", "/api/v1/devices/", "/api/graphql/"
  };

  private final PsnWorld world;
  private final TokenStore tokens;
  private final RateLimiter rateLimiter;
  private final PsnSimulatorConfig config;
  private final Clock clock;
  private final PsnFaults faults = new PsnFaults();
  private final java.util.Set<String> hung = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param world the accounts and titles to serve
   * @param config token lifetimes and rate limit
   * @param clock the simulator's clock
   */
  public PsnSimulator(PsnWorld world, PsnSimulatorConfig config, Clock clock) {
    this.world = world;
    this.config = config;
    this.clock = clock;
    this.tokens = new TokenStore(clock);
    this.rateLimiter = new RateLimiter(clock, config.rateLimit(), config.rateWindow());
  }

  /** The world this simulator serves. */
  public PsnWorld world() {
    return world;
  }

  /** The tokens issued so far (tests expire them). */
  public TokenStore tokens() {
    return tokens;
  }

  /**
   * Queues faults: each one applies to the next request its {@link PsnFault#target()} matches (in
   * order among faults of the same target), and to that request only.
   */
  public void injectFaults(PsnFault... next) {
    faults.add(java.util.List.of(next), 0);
  }

  /**
   * Queues faults as {@link #injectFaults} does, letting {@code letPass} requests of the first
   * fault's target through before it applies (a fault in the middle of a multi-page read).
   */
  public void injectFaultsAfter(int letPass, PsnFault... next) {
    faults.add(java.util.List.of(next), letPass);
  }

  /**
   * Leaves every authenticated request of this account's tokens unanswered, as an upstream paused
   * by SIGSTOP would (the connection stays open; the client's timeout ends the wait), until {@link
   * #resume}.
   */
  public void hang(String accountId) {
    hung.add(accountId);
  }

  /** Answers the account's requests again. */
  public void resume(String accountId) {
    hung.remove(accountId);
  }

  /** Mounts every PSN route on {@code router}. */
  public void mount(Router router) {
    for (String prefix : AUTHENTICATED) {
      router.route(prefix + "*").handler(this::authenticate);
      router.route(prefix + "*").handler(this::misbehave);
    }
    new PsnAuthApi(world, tokens, config, clock, faults).mount(router);
    new PsnTrophyApi(world, faults).mount(router);
    new PsnAccountApi(world).mount(router);
    new PsnGameHelpApi(world).mount(router);
  }

  /** Which upstream a path belongs to, for the request log; null when not PSN's. */
  public static String upstreamOf(String path) {
    if (path.startsWith(PsnAuthApi.PREFIX)) {
      return "psn-auth";
    }
    for (String prefix : AUTHENTICATED) {
      if (path.startsWith(prefix)) {
        return "psn";
      }
    }
    return null;
  }

  /** The identity (account id) of the request's bearer token, or null before authentication. */
  public static String identity(RoutingContext ctx) {
    return ctx.get(IDENTITY);
  }

  /** Whether an error thrown by a handler is one of PSN's; writes it when so. */
  public static boolean handleFailure(RoutingContext ctx) {
    if (ctx.failure() instanceof PsnError error) {
      json(ctx.response().setStatusCode(error.status), error.body());
      return true;
    }
    return false;
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : null;
    TokenStore.Grant grant = tokens.access(token);
    if (grant == null) {
      ctx.fail(PsnError.invalidToken());
      return;
    }
    ctx.put(IDENTITY, grant.accountId());
    if (hung.contains(grant.accountId())) {
      return;
    }
    Instant nextAvailable = rateLimiter.tryAcquire(grant.accountId());
    if (nextAvailable != null) {
      long unixSeconds = nextAvailable.getEpochSecond() + (nextAvailable.getNano() > 0 ? 1 : 0);
      ctx.response().putHeader("X-RateLimit-Next-Available", Long.toString(unixSeconds));
      ctx.fail(PsnError.tooManyRequests());
      return;
    }
    ctx.next();
  }

  private void misbehave(RoutingContext ctx) {
    PsnFault fault = faults.take(PsnFault.Target.ANY_AUTHENTICATED);
    if (fault == null) {
      ctx.next();
      return;
    }
    switch (fault) {
      case HTML_ERROR_PAGE ->
          ctx.response()
              .setStatusCode(503)
              .putHeader("Content-Type", "text/html")
              .end(
                  "<html><head><title>503 Service Temporarily Unavailable</title></head><body>nginx</body></html>");
      case MISSING_FIELDS ->
          json(
              ctx,
              new JsonObject()
                  .put(
                      "trophyTitles",
                      new io.vertx.core.json.JsonArray()
                          .add(new JsonObject().put("npServiceName", "trophy2")))
                  .put("totalItemCount", 1));
      case TRUNCATED_BODY ->
          ctx.response()
              .putHeader("Content-Type", "application/json")
              .end(
                  "{\"trophyTitles\": [{\"npServiceName\": \"trophy2\", \"npCommunicationId\": \"NPWR");
      case WRONG_TYPES ->
          json(
              ctx,
              new JsonObject()
                  .put("trophyTitles", new io.vertx.core.json.JsonArray())
                  .put("totalItemCount", "many"));
      default -> throw new IllegalStateException(fault + " is not a fault of any request");
    }
  }

  /** The account a {@code :accountId} path names ({@code me} = the token's owner), if visible. */
  static Account target(RoutingContext ctx, PsnWorld world) {
    String requested = ctx.pathParam("accountId");
    String identity = identity(ctx);
    String accountId = "me".equals(requested) ? identity : requested;
    Account account = world.account(accountId);
    if (account == null) {
      throw PsnError.notFound();
    }
    if (account.privateTrophies() && !account.accountId().equals(identity)) {
      throw PsnError.forbidden();
    }
    return account;
  }

  static void json(RoutingContext ctx, JsonObject body) {
    json(ctx.response(), body);
  }

  private static void json(io.vertx.core.http.HttpServerResponse response, JsonObject body) {
    response.putHeader("Content-Type", "application/json").end(body.encode());
  }
}
