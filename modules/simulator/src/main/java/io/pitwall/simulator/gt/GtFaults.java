package io.pitwall.simulator.gt;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults and knobs of the GT simulators that tests turn at run time: the spelling of gtgridstats'
 * accounting headers, gtgridstats keys revoked (401) or hung (requests taken and never answered), a
 * whole API hung, and an opt-in quota on the GT Sport profile API (whose docs name none, so it is
 * off unless a test asks). Thread-safe.
 */
public final class GtFaults {

  /** The two APIs, as {@link #hang} names them. */
  public enum Api {
    GT_PROFILE,
    GRIDSTATS
  }

  private volatile QuotaSpelling spelling = QuotaSpelling.X_RATELIMIT;
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Set<String> hungKeys = ConcurrentHashMap.newKeySet();
  private final Set<Api> hungApis = ConcurrentHashMap.newKeySet();
  private volatile int profileQuota;
  private volatile Duration profileWindow = Duration.ofMinutes(1);

  /** Metered answers spell their accounting headers this way from now on. */
  public void spellQuotaAs(QuotaSpelling spelling) {
    this.spelling = spelling;
  }

  /** The current spelling. */
  public QuotaSpelling spelling() {
    return spelling;
  }

  /** gtgridstats answers 401 to this key from now on, as for a key revoked on the site. */
  public void revoke(String key) {
    revoked.add(key);
  }

  /** gtgridstats accepts this key again. */
  public void unrevoke(String key) {
    revoked.remove(key);
  }

  /** gtgridstats takes this key's requests and never answers them. */
  public void hangKey(String key) {
    hungKeys.add(key);
  }

  /** The API takes every request and never answers it (until {@link #release}). */
  public void hang(Api api) {
    hungApis.add(api);
  }

  /** Requests to the API are answered again (those already taken stay unanswered). */
  public void release(Api api) {
    hungApis.remove(api);
  }

  /**
   * The GT Sport profile API meters: {@code quota} requests per {@code window} across all callers,
   * with accounting headers in the current spelling and 429 past the quota (0 turns it off).
   */
  public void meterProfiles(int quota, Duration window) {
    this.profileQuota = quota;
    this.profileWindow = window;
  }

  boolean revoked(String key) {
    return revoked.contains(key);
  }

  boolean hung(String key) {
    return hungKeys.contains(key);
  }

  boolean hung(Api api) {
    return hungApis.contains(api);
  }

  int profileQuota() {
    return profileQuota;
  }

  Duration profileWindow() {
    return profileWindow;
  }
}
