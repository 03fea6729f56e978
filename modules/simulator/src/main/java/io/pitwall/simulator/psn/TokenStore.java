package io.pitwall.simulator.psn;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes, access tokens and refresh tokens the simulator issued, with their owners and
 * expiry times. Tokens are random and opaque.
 */
public final class TokenStore {

  /**
   * A token's owner and expiry.
   *
   * @param accountId the account the token authenticates
   * @param expiresAt when the token stops working
   */
  public record Grant(String accountId, Instant expiresAt) {}

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final java.util.Set<String> everyCode = ConcurrentHashMap.newKeySet();
  private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

  TokenStore(Clock clock) {
    this.clock = clock;
  }

  String issueCode(String accountId) {
    String code = "v3." + token(6);
    codes.put(code, new Grant(accountId, clock.instant().plus(Duration.ofMinutes(5))));
    everyCode.add(code);
    return code;
  }

  /** Redeems a code once; null when unknown, used or expired. */
  Grant redeemCode(String code) {
    Grant grant = code == null ? null : codes.remove(code);
    return valid(grant);
  }

  String issueAccessToken(String accountId, Duration lifetime) {
    String token = token(48);
    accessTokens.put(token, new Grant(accountId, clock.instant().plus(lifetime)));
    return token;
  }

  String issueRefreshToken(String accountId, Duration lifetime) {
    String token = token(48);
    refreshTokens.put(token, new Grant(accountId, clock.instant().plus(lifetime)));
    return token;
  }

  /** The grant of a live access token, or null when unknown or expired. */
  public Grant access(String token) {
    return valid(token == null ? null : accessTokens.get(token));
  }

  /** The grant of a live refresh token, or null when unknown or expired. */
  Grant refresh(String token) {
    return valid(token == null ? null : refreshTokens.get(token));
  }

  /** Every access and refresh token issued so far (tests check that none leaks into logs). */
  public java.util.Set<String> issued() {
    java.util.Set<String> all = new java.util.HashSet<>(accessTokens.keySet());
    all.addAll(refreshTokens.keySet());
    return all;
  }

  /** Every authorization code issued so far, redeemed or not (tests check that none leaks). */
  public java.util.Set<String> issuedCodes() {
    return java.util.Set.copyOf(everyCode);
  }

  /** Expires every access token at once (as if an hour had passed for them). */
  public void expireAccessTokens() {
    accessTokens.replaceAll((t, g) -> new Grant(g.accountId(), Instant.EPOCH));
  }

  /** Expires every refresh token at once. */
  public void expireRefreshTokens() {
    refreshTokens.replaceAll((t, g) -> new Grant(g.accountId(), Instant.EPOCH));
  }

  private Grant valid(Grant grant) {
    return grant != null && clock.instant().isBefore(grant.expiresAt()) ? grant : null;
  }

  private String token(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
