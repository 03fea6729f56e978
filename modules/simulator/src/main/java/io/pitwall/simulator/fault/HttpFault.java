package io.pitwall.simulator.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One upstream fault the {@link FaultLayer} plays until a moment: every request to the named
 * upstream (or to all of them) answers with the fault instead of the API's reply.
 *
 * @param kind what the requests get
 * @param upstream the upstream it hits ({@code psn}, {@code psn-auth}, {@code gt}, {@code
 *     gridstats}), or null for every upstream
 * @param until when the fault ends
 * @param retryAfter the hint a {@link Kind#RATE_LIMIT_STORM} answer carries
 */
public record HttpFault(Kind kind, String upstream, Instant until, Duration retryAfter) {

  /** What a faulted request gets. */
  public enum Kind {
    /** A 5xx burst: 503 with a JSON error body, as an overloaded API answers. */
    SERVER_ERROR_BURST,
    /** The connection is accepted and the request read, but no answer ever comes. */
    HANG,
    /**
     * A 429 storm: 429 with {@code Retry-After} (seconds) and {@code X-RateLimit-Next-Available}.
     */
    RATE_LIMIT_STORM
  }

  /** Validates the parts. */
  public HttpFault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(until, "until");
    retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
  }

  /** A fault of {@code kind} on {@code upstream} (null: all) lasting {@code duration} from now. */
  public static HttpFault of(Kind kind, String upstream, Instant now, Duration duration) {
    return new HttpFault(kind, upstream, now.plus(duration), Duration.ofSeconds(2));
  }

  /** Whether the fault still plays at {@code now} on a request to {@code requestUpstream}. */
  boolean hits(String requestUpstream, Instant now) {
    return now.isBefore(until) && (upstream == null || upstream.equals(requestUpstream));
  }
}
