package io.pitwall.source.common;

import io.pitwall.core.budget.TokenBucket;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;

/**
 * Paces a credential's budget by the quota headers of its answers ({@link QuotaHints}): a 429
 * pauses the bucket until its {@code Retry-After} (else the window's reset), the remaining count
 * caps the bucket until the reset, and a response whose quota headers cannot be read is reported to
 * the listener and otherwise ignored.
 */
public final class QuotaPacing {

  private QuotaPacing() {}

  /**
   * Applies one answer's hints to the budget.
   *
   * @param response the answer
   * @param budget the credential's bucket
   * @param clock time source
   * @param endpoint the endpoint's metric name
   * @param listener told about unreadable quota headers
   * @return the hints read; on a 429 the bucket is paused until {@link
   *     QuotaHints#retryAfterRefusal}
   */
  public static QuotaHints heed(
      HttpResponse<Buffer> response,
      TokenBucket budget,
      Clock clock,
      String endpoint,
      RequestListener listener) {
    Instant now = clock.instant();
    QuotaHints hints = QuotaHints.read(response::getHeader, response.statusCode(), now);
    if (hints.hasUnreadable()) {
      listener.onQuotaHeadersUnreadable(endpoint, hints.unreadable());
    }
    if (response.statusCode() == 429) {
      budget.pauseUntil(hints.retryAfterRefusal(now));
    } else if (hints.remaining() != null) {
      budget.capAt(hints.remaining(), hints.windowEnd(now));
    }
    return hints;
  }
}
