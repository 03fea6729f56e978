package io.pitwall.core.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for one credential's request budget of {@code requests} per {@code period} (300
 * per 15 minutes for PSN by default), shaped so that no window of {@code period} ever holds more
 * than {@code requests}, whatever the window's alignment: the bucket holds at most {@code burst}
 * tokens and refills {@code requests - burst} per period. A fixed or sliding upstream window with
 * the same limit therefore never answers 429, at the price of the burst (2 % by default) in
 * throughput. A server hint wins over the configuration: {@link #pauseUntil} refuses every token
 * until the hinted instant, and {@link #capAt} never lets the bucket hold more than the server says
 * remain.
 *
 * <p>Not thread-safe, and without a lock: a bucket belongs to one credential, whose requests are
 * all made on the context of its source's polling verticle; others change it (fleet shares, peers'
 * pauses) by sending that verticle a message.
 */
public final class TokenBucket {

  private final Clock clock;
  private final double fullCapacity;
  private final double fullTokensPerNano;
  private double capacity;
  private double tokensPerNano;
  private double share = 1;
  private double tokens;
  private Instant updated;
  private Instant pausedUntil = Instant.MIN;
  private long taken;
  private volatile java.util.function.Consumer<Instant> pauseListener = until -> {};

  /**
   * A bucket with the default burst, {@link #defaultBurst}.
   *
   * @param clock time source
   * @param requests most requests in any window of {@code period}
   * @param period the window
   */
  public TokenBucket(Clock clock, int requests, Duration period) {
    this(clock, requests, period, defaultBurst(requests));
  }

  /**
   * @param clock time source
   * @param requests most requests in any window of {@code period}
   * @param period the window
   * @param burst most tokens the bucket holds (and starts with); below {@code requests}, except for
   *     a budget of one request
   */
  public TokenBucket(Clock clock, int requests, Duration period, int burst) {
    if (requests < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("a bucket needs a positive budget and period");
    }
    if (burst < 1 || (burst >= requests && requests > 1)) {
      throw new IllegalArgumentException("a bucket's burst is at least 1 and below its budget");
    }
    this.clock = clock;
    this.fullCapacity = burst;
    this.fullTokensPerNano = Math.max(1, requests - burst) / (double) period.toNanos();
    this.capacity = fullCapacity;
    this.tokensPerNano = fullTokensPerNano;
    this.tokens = burst;
    this.updated = clock.instant();
  }

  /** The default burst: 2 % of the budget, at least one request. */
  public static int defaultBurst(int requests) {
    return Math.max(1, requests / 50);
  }

  /** Tokens taken since the bucket was created: the requests made on this budget. */
  public long taken() {
    return taken;
  }

  /** Tokens refilled per second, the sustained request rate (of this instance's share). */
  public double refillPerSecond() {
    return tokensPerNano * 1e9;
  }

  /**
   * Makes this bucket spend only a share of the budget, when several instances share the
   * credential: the refill rate and the burst are that fraction of the full ones (a burst of at
   * least one token while the share is above zero), and the tokens held never exceed the new burst.
   * A share that grows adds no tokens at once: they refill at the new rate, so an instance that is
   * given watches starts with what it held, never a full bucket.
   *
   * @param fraction between 0 (spend nothing) and 1 (the whole budget)
   */
  public void share(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("a share is between 0 and 1, not " + fraction);
    }
    refill();
    share = fraction;
    tokensPerNano = fullTokensPerNano * fraction;
    capacity = fraction == 0 ? 0 : Math.max(1, fullCapacity * fraction);
    tokens = Math.min(tokens, capacity);
  }

  /** The share of the budget this bucket spends (1 unless {@link #share} was set). */
  public double share() {
    return share;
  }

  /**
   * Observes the pauses this bucket takes from its own server hints ({@link #pauseUntil}, {@link
   * #capAt}), e.g. to tell the other instances that share the credential; called on the bucket's
   * thread.
   */
  public void onPause(java.util.function.Consumer<Instant> listener) {
    this.pauseListener = listener;
  }

  /** Takes one token if there is one now. */
  public boolean tryTake() {
    refill();
    if (clock.instant().isBefore(pausedUntil) || tokens < 1) {
      return false;
    }
    tokens -= 1;
    taken++;
    return true;
  }

  /** How long until a token is available (zero when one is available now). */
  public Duration untilNextToken() {
    refill();
    Instant now = clock.instant();
    Duration pause = now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    Duration refillWait =
        tokens >= 1
            ? Duration.ZERO
            : Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    return pause.compareTo(refillWait) > 0 ? pause : refillWait;
  }

  /** Whole tokens available now (0 while paused). */
  public int available() {
    refill();
    return clock.instant().isBefore(pausedUntil) ? 0 : (int) Math.floor(tokens);
  }

  /**
   * Applies a server hint (a 429's {@code X-RateLimit-Next-Available} or a quota reset): no token
   * until {@code until}. The server's window starts afresh then, so the bucket is full again from
   * that instant (quota headers may cap it further).
   */
  public void pauseUntil(Instant until) {
    if (applyPause(until)) {
      pauseListener.accept(until);
    }
  }

  /**
   * Applies a pause that another instance sharing the credential was told by the server: like
   * {@link #pauseUntil}, without telling the {@link #onPause} listener again; a pause that is over,
   * or not longer than the one the bucket has, changes nothing.
   */
  public void pauseFromPeer(Instant until) {
    if (until.isAfter(clock.instant()) && until.isAfter(pausedUntil)) {
      applyPause(until);
    }
  }

  /** Pauses the bucket; returns whether the pause is longer than the one it had. */
  private boolean applyPause(Instant until) {
    refill();
    boolean later = until.isAfter(pausedUntil);
    if (later) {
      pausedUntil = until;
    }
    tokens = capacity;
    updated = until.isAfter(clock.instant()) ? until : clock.instant();
    return later;
  }

  /**
   * Applies a quota hint (remaining requests until a reset): the bucket never holds more than the
   * server says remain, and is paused until the reset when none remain.
   */
  public void capAt(int remaining, Instant reset) {
    if (remaining <= 0) {
      pauseUntil(reset);
      return;
    }
    refill();
    if (tokens > remaining) {
      tokens = remaining;
    }
  }

  /** The instant until which the bucket is paused by a server hint, or null when not paused. */
  public Instant pausedUntil() {
    return clock.instant().isBefore(pausedUntil) ? pausedUntil : null;
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(updated)) {
      tokens =
          Math.min(capacity, tokens + Duration.between(updated, now).toNanos() * tokensPerNano);
      updated = now;
    }
  }
}
