package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a live PSN access token for one npsso: trades the npsso for a code and the code for tokens,
 * refreshes before expiry with the refresh token, and falls back to the npsso when the refresh
 * token is refused. Concurrent callers share one sign-in. When the npsso itself is rejected (the
 * sign-in redirect says {@code login_required}) every call fails with {@link
 * PollOutcome#AUTH_EXPIRED}. Tokens and the npsso are never logged or put in messages.
 *
 * <p>Confined to the context of its source's polling verticle (no lock): only that context signs in
 * and refreshes; the expiry getters may be read from any thread (metrics).
 */
public final class PsnAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(PsnAuthenticator.class);
  private static final String CLIENT_ID = "09515159-7237-4370-9b40-3806e67c0891";
  private static final String CLIENT_BASIC =
      "Basic MDk1MTUxNTktNzIzNy00MzcwLTliNDAtMzgwNmU2N2MwODkxOnVjUGprYTV0bnRCMktxc1A=";
  private static final String REDIRECT_URI = "com.scee.psxandroid.scecompcall://redirect";
  private static final String SCOPE = "psn:mobile.v2.core psn:clientapp";
  private static final Duration MARGIN = Duration.ofSeconds(60);

  private final WebClient http;
  private final PsnSourceConfig config;
  private final Clock clock;
  private volatile String accessToken;
  private volatile Instant accessExpiresAt = Instant.MIN;
  private volatile String refreshToken;
  private volatile Instant refreshExpiresAt = Instant.MIN;
  private Future<String> inFlight;

  /**
   * @param http the Vert.x Web Client (redirects must not be followed)
   * @param config endpoints and npsso
   * @param clock time source for expiry
   */
  public PsnAuthenticator(WebClient http, PsnSourceConfig config, Clock clock) {
    this.http = http;
    this.config = config;
    this.clock = clock;
  }

  /** A live access token, signing in or refreshing when needed. */
  public Future<String> accessToken() {
    if (accessToken != null && clock.instant().plus(MARGIN).isBefore(accessExpiresAt)) {
      return Future.succeededFuture(accessToken);
    }
    if (inFlight == null) {
      inFlight = renew().andThen(done -> clearInFlight());
    }
    return inFlight;
  }

  /** Forgets the access token (the API answered 401): the next call renews it. */
  public void invalidate() {
    accessToken = null;
    accessExpiresAt = Instant.MIN;
  }

  /** When the refresh token stops working, or null before the first sign-in. */
  public Instant refreshTokenExpiresAt() {
    return refreshToken == null ? null : refreshExpiresAt;
  }

  /** When the access token stops working, or null when there is none. */
  public Instant accessTokenExpiresAt() {
    return accessToken == null ? null : accessExpiresAt;
  }

  private void clearInFlight() {
    inFlight = null;
  }

  private Future<String> renew() {
    boolean canRefresh =
        refreshToken != null && clock.instant().plus(MARGIN).isBefore(refreshExpiresAt);
    if (!canRefresh) {
      return signIn();
    }
    return refresh()
        .recover(
            refused -> {
              LOG.info(
                  "PSN refresh token refused ({}); signing in again with the npsso",
                  refused.getMessage());
              return signIn();
            });
  }

  private Future<String> signIn() {
    String url =
        config.authBaseUrl()
            + "/authorize?access_type=offline&client_id="
            + CLIENT_ID
            + "&response_type=code&scope="
            + encode(SCOPE)
            + "&redirect_uri="
            + encode(REDIRECT_URI);
    return http.getAbs(url)
        .putHeader("Cookie", "npsso=" + config.npsso())
        .timeout(config.requestTimeout().toMillis())
        .send()
        .recover(e -> Future.failedFuture(unreachable("authorize", e)))
        .compose(this::codeFrom)
        .compose(
            code ->
                token(
                    MultiMap.caseInsensitiveMultiMap()
                        .add("code", code)
                        .add("grant_type", "authorization_code")
                        .add("redirect_uri", REDIRECT_URI)
                        .add("token_format", "jwt")));
  }

  private Future<String> refresh() {
    String token = refreshToken;
    return token(
        MultiMap.caseInsensitiveMultiMap()
            .add("refresh_token", token)
            .add("grant_type", "refresh_token")
            .add("scope", SCOPE)
            .add("token_format", "jwt"));
  }

  private Future<String> codeFrom(HttpResponse<Buffer> response) {
    String location = response.getHeader("Location");
    if (response.statusCode() != 302 || location == null) {
      return Future.failedFuture(
          new PsnException(
              PollOutcome.UPSTREAM_ERROR,
              "PSN authorize answered " + response.statusCode() + " without a redirect"));
    }
    String query;
    try {
      query = new URI(location.replace(" ", "%20")).getRawQuery();
    } catch (URISyntaxException malformed) {
      // the reason only: the input quoted by the exception's message carries the sign-in code
      return Future.failedFuture(
          new PsnException(
              PollOutcome.UPSTREAM_ERROR,
              "PSN authorize redirect is not a valid URI ("
                  + malformed.getReason()
                  + "); signing in again next poll"));
    }
    if (query != null && query.contains("error=login_required")) {
      return Future.failedFuture(
          new PsnException(
              PollOutcome.AUTH_EXPIRED,
              "PSN rejected the npsso (login_required): sign in again and configure a fresh npsso"));
    }
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("code=")) {
          return Future.succeededFuture(part.substring(5));
        }
      }
    }
    return Future.failedFuture(
        new PsnException(
            PollOutcome.UPSTREAM_ERROR,
            "PSN authorize redirect carried neither a code nor an error"));
  }

  private Future<String> token(MultiMap form) {
    return http.postAbs(config.authBaseUrl() + "/token")
        .putHeader("Authorization", CLIENT_BASIC)
        .timeout(config.requestTimeout().toMillis())
        .sendForm(form)
        .recover(e -> Future.failedFuture(unreachable("token", e)))
        .compose(this::acceptTokens);
  }

  private Future<String> acceptTokens(HttpResponse<Buffer> response) {
    if (response.statusCode() == 400 || response.statusCode() == 401) {
      return Future.failedFuture(
          new PsnException(
              PollOutcome.AUTH_EXPIRED,
              "PSN token endpoint refused the grant (" + response.statusCode() + ")"));
    }
    if (response.statusCode() != 200) {
      return Future.failedFuture(
          new PsnException(
              PollOutcome.UPSTREAM_ERROR, "PSN token endpoint answered " + response.statusCode()));
    }
    PsnJsonParser.Tokens tokens;
    try {
      tokens = PsnJsonParser.tokens(response.body());
    } catch (PsnException malformed) {
      return Future.failedFuture(malformed);
    }
    Instant now = clock.instant();
    accessExpiresAt = now.plusSeconds(tokens.expiresIn());
    accessToken = tokens.accessToken();
    if (tokens.refreshToken() != null && tokens.refreshTokenExpiresIn() != null) {
      refreshExpiresAt = now.plusSeconds(tokens.refreshTokenExpiresIn());
      refreshToken = tokens.refreshToken();
    }
    return Future.succeededFuture(tokens.accessToken());
  }

  private static PsnException unreachable(String endpoint, Throwable e) {
    return new PsnException(
        PollOutcome.UPSTREAM_ERROR,
        "PSN " + endpoint + " request failed: " + e.getClass().getSimpleName(),
        e);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
