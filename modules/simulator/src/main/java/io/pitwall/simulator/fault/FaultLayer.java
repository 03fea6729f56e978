package io.pitwall.simulator.fault;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A generic HTTP fault layer in front of every simulated API: a route handler that, while an {@link
 * HttpFault} plays for the request's upstream, answers with a 5xx burst, a 429 storm with hints, or
 * nothing at all (a hung connection, so that the client's timeout fires) instead of passing the
 * request on. With no fault playing it only calls the next handler. Thread-safe: the harness
 * injects faults from its own thread while the server's event loop serves requests.
 */
public final class FaultLayer {

  private final Clock clock;
  private final Function<String, String> upstreamOf;
  private final List<HttpFault> active = new CopyOnWriteArrayList<>();
  private final Map<HttpFault.Kind, AtomicLong> faulted = new EnumMap<>(HttpFault.Kind.class);

  /**
   * @param clock the simulator's clock (fault windows are on it)
   * @param upstreamOf which upstream a request path belongs to
   */
  public FaultLayer(Clock clock, Function<String, String> upstreamOf) {
    this.clock = clock;
    this.upstreamOf = upstreamOf;
    for (HttpFault.Kind kind : HttpFault.Kind.values()) {
      faulted.put(kind, new AtomicLong());
    }
  }

  /** Plays {@code fault} until its end (alongside any other playing fault; the first one wins). */
  public void inject(HttpFault fault) {
    Instant now = clock.instant();
    active.removeIf(f -> !now.isBefore(f.until()));
    active.add(fault);
  }

  /** Ends every fault now. Hung requests stay hung (their clients gave up on them). */
  public void clear() {
    active.clear();
  }

  /** How many requests got {@code kind} so far. */
  public long faulted(HttpFault.Kind kind) {
    return faulted.get(kind).get();
  }

  /** Whether any fault still plays. */
  public boolean playing() {
    Instant now = clock.instant();
    return active.stream().anyMatch(f -> now.isBefore(f.until()));
  }

  /** The route handler: answers with the playing fault, or passes the request on. */
  public void handle(RoutingContext ctx) {
    String upstream = upstreamOf.apply(ctx.request().path());
    Instant now = clock.instant();
    HttpFault fault = active.stream().filter(f -> f.hits(upstream, now)).findFirst().orElse(null);
    if (fault == null) {
      ctx.next();
      return;
    }
    faulted.get(fault.kind()).incrementAndGet();
    switch (fault.kind()) {
      case SERVER_ERROR_BURST ->
          ctx.response()
              .setStatusCode(503)
              .putHeader("Content-Type", "application/json")
              .end(error("Service Unavailable").encode());
      case RATE_LIMIT_STORM -> {
        long seconds = Math.max(1, fault.retryAfter().toSeconds());
        ctx.response()
            .setStatusCode(429)
            .putHeader("Retry-After", Long.toString(seconds))
            .putHeader("X-RateLimit-Next-Available", Long.toString(now.getEpochSecond() + seconds))
            .putHeader("Content-Type", "application/json")
            .end(error("Too Many Requests").encode());
      }
      case HANG -> {
        // read the request and never answer: the client's own timeout must fire
      }
    }
  }

  private static JsonObject error(String message) {
    return new JsonObject().put("error", new JsonObject().put("message", message));
  }
}
