package io.pitwall.simulator.gt;

import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How a metered answer spells its accounting headers. The gtgridstats docs say metered responses
 * carry them but do not name them, so the simulator can answer in each common spelling (and in a
 * garbled one), for tests of the clients that read them.
 */
public enum QuotaSpelling {
  /**
   * {@code X-RateLimit-Limit/-Remaining/-Reset} (reset in unix seconds), {@code Retry-After} in
   * seconds on a 429: Laravel's, the simulator's default.
   */
  X_RATELIMIT,
  /**
   * The IETF draft's {@code RateLimit-Limit/-Remaining/-Reset} (reset in seconds from now) and
   * {@code RateLimit-Policy: <limit>;w=<window seconds>}, {@code Retry-After} in seconds on a 429.
   */
  IETF_DRAFT,
  /** {@code X-RateLimit-*} headers and, on a 429, {@code Retry-After} as an HTTP date. */
  HTTP_DATE,
  /** Every accounting header present but unreadable. */
  GARBLED;

  /**
   * Writes the headers of a metered answer.
   *
   * @param decision the request's fate (a refused one also gets {@code Retry-After})
   * @param limit requests per window
   * @param window the window
   */
  void write(
      HttpServerResponse response,
      QuotaMeter.Decision decision,
      int limit,
      Duration window,
      Instant now) {
    long remaining = decision.remaining();
    Instant reset = decision.reset();
    boolean refused = decision.refused();
    long wait = Math.max(1, reset.getEpochSecond() - now.getEpochSecond());
    switch (this) {
      case X_RATELIMIT, HTTP_DATE -> {
        response
            .putHeader("X-RateLimit-Limit", Integer.toString(limit))
            .putHeader("X-RateLimit-Remaining", Long.toString(remaining))
            .putHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()));
        if (refused) {
          response.putHeader(
              "Retry-After",
              this == HTTP_DATE
                  ? DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      now.plusSeconds(wait).atOffset(ZoneOffset.UTC))
                  : Long.toString(wait));
        }
      }
      case IETF_DRAFT -> {
        response
            .putHeader("RateLimit-Limit", Integer.toString(limit))
            .putHeader("RateLimit-Remaining", Long.toString(remaining))
            .putHeader("RateLimit-Reset", Long.toString(wait))
            .putHeader("RateLimit-Policy", limit + ";w=" + window.toSeconds());
        if (refused) {
          response.putHeader("Retry-After", Long.toString(wait));
        }
      }
      case GARBLED -> {
        response
            .putHeader("X-RateLimit-Limit", "unlimited")
            .putHeader("X-RateLimit-Remaining", "some")
            .putHeader("X-RateLimit-Reset", "soon");
        if (refused) {
          response.putHeader("Retry-After", "later");
        }
      }
      default -> throw new IllegalStateException("unknown spelling " + this);
    }
  }
}
