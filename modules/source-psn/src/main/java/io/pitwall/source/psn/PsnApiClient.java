package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.common.BudgetGate;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.common.UpstreamCalls;
import io.pitwall.source.psn.diff.TitleEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The Trophy API v2 calls Pitwall makes, each spending one token of the credential's budget
 * (waiting for one when the bucket is empty). Answers map to named outcomes: 404 code 2240525
 * {@link PollOutcome#NOT_FOUND}, 403 code 2240526 {@link PollOutcome#PRIVATE}, 429 {@link
 * PollOutcome#RATE_LIMITED} (pausing the bucket until {@code X-RateLimit-Next-Available}), 401
 * renews the token and retries once, anything else unexpected {@link PollOutcome#UPSTREAM_ERROR}.
 */
public final class PsnApiClient {

  private final WebClient http;
  private final PsnSourceConfig config;
  private final PsnAuthenticator auth;
  private final TokenBucket budget;
  private final BudgetGate gate;
  private final Clock clock;
  private final RequestListener listener;

  /**
   * @param vertx for timers while waiting for budget
   * @param http the Web Client
   * @param config endpoints and paging
   * @param auth the credential's authenticator
   * @param budget the credential's token bucket
   * @param clock time source
   * @param listener told about every request
   */
  public PsnApiClient(
      Vertx vertx,
      WebClient http,
      PsnSourceConfig config,
      PsnAuthenticator auth,
      TokenBucket budget,
      Clock clock,
      RequestListener listener) {
    this.http = http;
    this.config = config;
    this.auth = auth;
    this.budget = budget;
    this.gate = new BudgetGate(vertx, budget);
    this.clock = clock;
    this.listener = listener;
  }

  /** One page of the account's titles, newest first. */
  public Future<TitlePage> titles(String accountId, int limit, int offset) {
    return get(
        "trophyTitles",
        "/v1/users/" + accountId + "/trophyTitles?limit=" + limit + "&offset=" + offset,
        PsnJsonParser::titles);
  }

  /** The trophies the account earned in a title (all groups). */
  public Future<EarnedList> earned(String accountId, TitleEntry title) {
    return get(
        "earnedTrophies",
        "/v1/users/"
            + accountId
            + "/npCommunicationIds/"
            + title.npCommunicationId()
            + "/trophyGroups/all/trophies?npServiceName="
            + title.serviceName(),
        PsnJsonParser::earned);
  }

  /** A title's trophy descriptions, with group names when it has groups. */
  public Future<TitleMetadata> metadata(TitleEntry title) {
    String base = "/v1/npCommunicationIds/" + title.npCommunicationId() + "/trophyGroups";
    String service = "?npServiceName=" + title.serviceName();
    Future<Map<String, String>> groups =
        title.hasTrophyGroups()
            ? get("titleGroups", base + service, PsnJsonParser::groupNames)
            : Future.succeededFuture(Map.of());
    return groups.compose(
        names ->
            get(
                "titleTrophies",
                base + "/all/trophies" + service,
                body -> PsnJsonParser.metadata(body, names)));
  }

  /** The credential's budget. */
  public TokenBucket budget() {
    return budget;
  }

  private <T> Future<T> get(String endpoint, String path, Function<Buffer, T> parse) {
    return send(endpoint, path, true).map(parse);
  }

  private Future<Buffer> send(String endpoint, String path, boolean mayRetryAuth) {
    return awaitToken()
        .compose(v -> auth.accessToken())
        .compose(
            token -> {
              return UpstreamCalls.send(
                  http.getAbs(config.apiBaseUrl() + path)
                      .putHeader("Authorization", "Bearer " + token)
                      .putHeader("Accept-Language", config.language())
                      .timeout(config.requestTimeout().toMillis()),
                  "PSN",
                  endpoint,
                  listener);
            })
        .compose(response -> answer(endpoint, path, response, mayRetryAuth));
  }

  private Future<Buffer> answer(
      String endpoint, String path, HttpResponse<Buffer> response, boolean mayRetryAuth) {
    int status = response.statusCode();
    Buffer body = response.body() == null ? Buffer.buffer() : response.body();
    if (status == 200) {
      return Future.succeededFuture(body);
    }
    Integer code = PsnJsonParser.errorCode(body);
    if (status == 401 && mayRetryAuth) {
      auth.invalidate();
      return send(endpoint, path, false);
    }
    if (status == 404 && Integer.valueOf(2240525).equals(code)) {
      return Future.failedFuture(
          new PsnException(PollOutcome.NOT_FOUND, "PSN " + endpoint + ": Resource not found"));
    }
    if (status == 403 && Integer.valueOf(2240526).equals(code)) {
      return Future.failedFuture(
          new PsnException(
              PollOutcome.PRIVATE,
              "PSN " + endpoint + ": trophy list is private to this credential"));
    }
    if (status == 429) {
      Instant until = nextAvailable(response.getHeader("X-RateLimit-Next-Available"));
      budget.pauseUntil(until);
      return Future.failedFuture(
          new PsnException(
              PollOutcome.RATE_LIMITED, "PSN rate limit reached; budget paused until " + until));
    }
    if (status == 401) {
      return Future.failedFuture(
          new PsnException(PollOutcome.AUTH_EXPIRED, "PSN refused a fresh access token (401)"));
    }
    return Future.failedFuture(
        new PsnException(
            PollOutcome.UPSTREAM_ERROR,
            "PSN "
                + endpoint
                + " answered "
                + status
                + (code == null ? "" : " (code " + code + ")")));
  }

  private Instant nextAvailable(String header) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(header.trim()));
    } catch (RuntimeException missingOrGarbled) {
      return clock.instant().plus(Duration.ofMinutes(1));
    }
  }

  private Future<Void> awaitToken() {
    return gate.take();
  }
}
