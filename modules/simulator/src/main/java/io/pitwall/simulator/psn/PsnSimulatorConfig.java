package io.pitwall.simulator.psn;

import java.time.Duration;

/**
 * Knobs of the PSN simulator.
 *
 * @param accessTokenLifetime how long an access token works (PSN: about 60 minutes)
 * @param refreshTokenLifetime how long a refresh token works (PSN: about 60 days)
 * @param rateLimit requests per identity per window (PSN doc: 300)
 * @param rateWindow the rate-limit window (PSN doc: 15 minutes)
 */
public record PsnSimulatorConfig(
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    int rateLimit,
    Duration rateWindow) {

  /** The values the docs and recordings report. */
  public static PsnSimulatorConfig defaults() {
    return new PsnSimulatorConfig(
        Duration.ofSeconds(3600), Duration.ofSeconds(5_184_000), 300, Duration.ofMinutes(15));
  }

  /** A copy with another access-token lifetime. */
  public PsnSimulatorConfig withAccessTokenLifetime(Duration lifetime) {
    return new PsnSimulatorConfig(lifetime, refreshTokenLifetime, rateLimit, rateWindow);
  }

  /** A copy with another rate limit. */
  public PsnSimulatorConfig withRateLimit(int limit, Duration window) {
    return new PsnSimulatorConfig(accessTokenLifetime, refreshTokenLifetime, limit, window);
  }
}
