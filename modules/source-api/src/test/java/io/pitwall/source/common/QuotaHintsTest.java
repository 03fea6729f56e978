package io.pitwall.source.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuotaHintsTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @Test
  void shouldReadTheXRateLimitSpellingWithAUnixReset() {
    QuotaHints hints =
        read(
            200,
            Map.of(
                "X-RateLimit-Limit", "1000",
                "X-RateLimit-Remaining", "998",
                "X-RateLimit-Reset", Long.toString(NOW.plusSeconds(3600).getEpochSecond())));

    assertThat(hints.limit()).isEqualTo(1000);
    assertThat(hints.remaining()).isEqualTo(998);
    assertThat(hints.reset()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(hints.unreadable()).isEmpty();
  }

  @Test
  void shouldReadASmallResetAsSecondsFromNow() {
    QuotaHints hints = read(200, Map.of("x-ratelimit-remaining", "5", "x-ratelimit-reset", "30"));

    assertThat(hints.reset()).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void shouldReadTheIetfDraftSpelling() {
    QuotaHints hints =
        read(
            200,
            Map.of(
                "RateLimit-Limit", "100",
                "RateLimit-Remaining", "0",
                "RateLimit-Reset", "50",
                "RateLimit-Policy", "100;w=3600"));

    assertThat(hints.limit()).isEqualTo(100);
    assertThat(hints.remaining()).isZero();
    assertThat(hints.reset()).isEqualTo(NOW.plusSeconds(50));
    assertThat(hints.window()).isEqualTo(Duration.ofHours(1));
    assertThat(hints.unreadable()).isEmpty();
  }

  @Test
  void shouldTakeTheFirstItemOfAListAndPreferTheIetfNames() {
    QuotaHints hints =
        read(
            200,
            Map.of(
                "RateLimit-Limit", "10, 10;w=1, 1000;w=3600",
                "X-RateLimit-Limit", "999",
                "RateLimit-Remaining", "7"));

    assertThat(hints.limit()).isEqualTo(10);
    assertThat(hints.remaining()).isEqualTo(7);
  }

  @Test
  void shouldReadANamedPolicyOfTheLaterDrafts() {
    QuotaHints hints =
        read(200, Map.of("RateLimit-Policy", "\"default\";q=500;w=86400, \"burst\";q=10;w=1"));

    assertThat(hints.limit()).isEqualTo(500);
    assertThat(hints.window()).isEqualTo(Duration.ofDays(1));
    assertThat(hints.windowEnd(NOW)).isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void shouldReadRetryAfterInSecondsOnA429() {
    QuotaHints hints = read(429, Map.of("Retry-After", "120"));

    assertThat(hints.retryAfterRefusal(NOW)).isEqualTo(NOW.plusSeconds(120));
  }

  @Test
  void shouldReadRetryAfterAsAnHttpDate() {
    QuotaHints hints = read(429, Map.of("Retry-After", "Wed, 02 Dec 2026 12:05:00 GMT"));

    assertThat(hints.retryAt()).isEqualTo(NOW.plusSeconds(300));
    assertThat(hints.unreadable()).isEmpty();
  }

  @Test
  void shouldIgnoreRetryAfterOnASuccess() {
    assertThat(read(200, Map.of("Retry-After", "120")).retryAt()).isNull();
  }

  @Test
  void shouldFallBackToTheResetThenToTheDefaultPauseAfterARefusal() {
    assertThat(read(429, Map.of("X-RateLimit-Reset", "10")).retryAfterRefusal(NOW))
        .isEqualTo(NOW.plusSeconds(10));
    assertThat(read(429, Map.of()).retryAfterRefusal(NOW))
        .isEqualTo(NOW.plus(QuotaHints.DEFAULT_PAUSE));
  }

  @Test
  void shouldNameGarbledHeadersAndKeepTheReadableOnes() {
    QuotaHints hints =
        read(
            429,
            Map.of(
                "X-RateLimit-Limit", "lots",
                "X-RateLimit-Remaining", "-3",
                "X-RateLimit-Reset", "tomorrow",
                "RateLimit-Policy", "100;w=soon",
                "Retry-After", "Someday, 99 Foo 2026"));

    assertThat(hints.unreadable())
        .containsExactlyInAnyOrder(
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "RateLimit-Policy",
            "Retry-After");
    assertThat(hints.limit()).isNull();
    assertThat(hints.remaining()).isNull();
    assertThat(hints.reset()).isNull();
    assertThat(hints.retryAt()).isNull();
    assertThat(hints.retryAfterRefusal(NOW)).isEqualTo(NOW.plus(QuotaHints.DEFAULT_PAUSE));
  }

  @Test
  void shouldCountAnEmptyOrOverflowingValueAsUnreadable() {
    QuotaHints hints =
        read(200, Map.of("RateLimit-Remaining", "", "RateLimit-Limit", "99999999999999"));

    assertThat(hints.unreadable())
        .containsExactlyInAnyOrder("RateLimit-Remaining", "RateLimit-Limit");
  }

  @Test
  void shouldSayNothingWithoutQuotaHeaders() {
    QuotaHints hints = read(200, Map.of("Content-Type", "application/json"));

    assertThat(hints).isEqualTo(new QuotaHints(null, null, null, null, null, java.util.List.of()));
  }

  private static QuotaHints read(int status, Map<String, String> headers) {
    Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseless.putAll(headers);
    return QuotaHints.read(caseless::get, status, NOW);
  }
}
