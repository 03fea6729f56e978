package io.pitwall.source.example;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake lap-times API on a real Vert.x HTTP server: {@code GET /drivers/{id}/best-lap} answers the
 * driver's best lap as set by the test. It meters like a real upstream: it counts every request in
 * fixed windows of {@code window} from its start, and answers 429 with a {@code Retry-After} (until
 * the window's end) to a request beyond {@code limit} in its window. A test can also make it refuse
 * the next requests with 429, or answer a driver with a given status or body.
 */
final class LapTimesServer implements AutoCloseable {

  private static final Pattern BEST_LAP = Pattern.compile("/drivers/([^/]+)/best-lap");

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final long startNanos = System.nanoTime();
  private final long windowNanos;
  private final int limit;
  private final Map<String, JsonObject> laps = new ConcurrentHashMap<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<Long, AtomicInteger> perWindow = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perDriver = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger refuseNext = new AtomicInteger();
  private final boolean quotaHeaders;
  private volatile int retryAfterSeconds = 1;

  /** A canned answer for one driver. */
  record Answer(int status, String body) {}

  /**
   * Starts on a free port, announcing its quota in {@code RateLimit-*} headers.
   *
   * @param limit most requests answered in one window
   * @param window the metering window
   */
  LapTimesServer(int limit, Duration window) {
    this(limit, window, true);
  }

  /**
   * Starts on a free port.
   *
   * @param limit most requests answered in one window
   * @param window the metering window
   * @param quotaHeaders whether successful answers carry {@code RateLimit-Limit}, {@code
   *     -Remaining} and {@code -Reset}; without them only the client's configured budget paces it
   */
  LapTimesServer(int limit, Duration window, boolean quotaHeaders) {
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.quotaHeaders = quotaHeaders;
    try {
      server =
          vertx
              .createHttpServer()
              .requestHandler(this::handle)
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("fake lap-times server did not start", e);
    }
  }

  /** Its base URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Sets a driver's best lap. */
  void bestLap(String driver, String track, long millis) {
    answers.remove(driver);
    laps.put(
        driver, new JsonObject().put("driver", driver).put("track", track).put("millis", millis));
  }

  /** Answers a driver with a status and body instead of its lap. */
  void answer(String driver, int status, String body) {
    answers.put(driver, new Answer(status, body));
  }

  /** Refuses the next {@code n} requests with 429 and {@code Retry-After: seconds}. */
  void refuseNext(int n, int seconds) {
    retryAfterSeconds = seconds;
    refuseNext.set(n);
  }

  /** Requests for a driver's best lap so far. */
  int requests(String driver) {
    AtomicInteger n = perDriver.get(driver);
    return n == null ? 0 : n.get();
  }

  /** Every request so far, by window number (0 from the server's start). */
  Map<Long, Integer> requestsPerWindow() {
    Map<Long, Integer> counts = new TreeMap<>();
    perWindow.forEach((w, n) -> counts.put(w, n.get()));
    return counts;
  }

  /** The most requests any window saw. */
  int busiestWindow() {
    return requestsPerWindow().values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The 429s answered so far, for metering and on the test's demand. */
  int refused() {
    return refused.get();
  }

  private void handle(HttpServerRequest request) {
    long now = System.nanoTime() - startNanos;
    long window = now / windowNanos;
    int inWindow = perWindow.computeIfAbsent(window, w -> new AtomicInteger()).incrementAndGet();
    Matcher path = BEST_LAP.matcher(request.path());
    if (!request.method().name().equals("GET") || !path.matches()) {
      request.response().setStatusCode(404).end();
      return;
    }
    String driver = path.group(1);
    perDriver.computeIfAbsent(driver, d -> new AtomicInteger()).incrementAndGet();
    if (inWindow > limit) {
      refuse(request, secondsToWindowEnd(window, now));
      return;
    }
    if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      refuse(request, retryAfterSeconds);
      return;
    }
    if (quotaHeaders) {
      request
          .response()
          .putHeader("RateLimit-Limit", Integer.toString(limit))
          .putHeader("RateLimit-Remaining", Integer.toString(Math.max(0, limit - inWindow)))
          .putHeader("RateLimit-Reset", Long.toString(secondsToWindowEnd(window, now)));
    }
    Answer canned = answers.get(driver);
    if (canned != null) {
      request.response().setStatusCode(canned.status()).end(canned.body());
      return;
    }
    JsonObject lap = laps.get(driver);
    if (lap == null) {
      request.response().setStatusCode(404).end("{\"error\":\"unknown driver\"}");
      return;
    }
    request.response().putHeader("Content-Type", "application/json").end(lap.encode());
  }

  /** Whole seconds until the window ends, rounded up. */
  private long secondsToWindowEnd(long window, long now) {
    long left = (window + 1) * windowNanos - now;
    return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
  }

  private void refuse(HttpServerRequest request, long retryAfter) {
    refused.incrementAndGet();
    request
        .response()
        .setStatusCode(429)
        .putHeader("Retry-After", Long.toString(retryAfter))
        .end("{\"error\":\"rate limited\"}");
  }

  /** The window numbers with their counts, for assertion messages. */
  @Override
  public String toString() {
    return "requests per window " + requestsPerWindow() + ", limit " + limit;
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
