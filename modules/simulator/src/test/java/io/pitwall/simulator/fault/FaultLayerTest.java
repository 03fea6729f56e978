package io.pitwall.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.simulator.SimClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault layer in front of a real HTTP server: each fault kind, its scope and its end. */
class FaultLayerTest {

  private final SimClock clock = new SimClock();
  private final FaultLayer faults =
      new FaultLayer(clock, path -> path.startsWith("/gt/") ? "gt" : "psn");
  private final HttpClient http = HttpClient.newHttpClient();
  private Vertx vertx;
  private int port;

  @BeforeEach
  void startServer() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(faults::handle);
    router.route().handler(ctx -> ctx.response().end("ok"));
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    port = server.actualPort();
  }

  @AfterEach
  void stopServer() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldPassRequestsOnWhenNoFaultPlays() throws Exception {
    assertThat(get("/psn/x").statusCode()).isEqualTo(200);
    assertThat(faults.playing()).isFalse();
  }

  @Test
  void shouldAnswer503DuringAServerErrorBurstAndRecoverWhenCleared() throws Exception {
    faults.inject(
        HttpFault.of(
            HttpFault.Kind.SERVER_ERROR_BURST, null, clock.instant(), Duration.ofMinutes(5)));
    HttpResponse<String> response = get("/psn/x");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("Service Unavailable");
    assertThat(get("/gt/y").statusCode()).isEqualTo(503);
    assertThat(faults.faulted(HttpFault.Kind.SERVER_ERROR_BURST)).isEqualTo(2);
    faults.clear();
    assertThat(get("/psn/x").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldEndAFaultAtItsUntil() throws Exception {
    faults.inject(
        new HttpFault(
            HttpFault.Kind.SERVER_ERROR_BURST, null, clock.instant().minusSeconds(1), null));
    assertThat(get("/psn/x").statusCode()).isEqualTo(200);
    assertThat(faults.playing()).isFalse();
  }

  @Test
  void shouldHintWhenToComeBackDuringARateLimitStorm() throws Exception {
    faults.inject(
        new HttpFault(
            HttpFault.Kind.RATE_LIMIT_STORM,
            "gt",
            clock.instant().plusSeconds(300),
            Duration.ofSeconds(7)));
    HttpResponse<String> response = get("/gt/y");
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    long nextAvailable =
        Long.parseLong(response.headers().firstValue("X-RateLimit-Next-Available").orElseThrow());
    assertThat(nextAvailable).isGreaterThanOrEqualTo(clock.instant().getEpochSecond() + 6);
    assertThat(get("/psn/x").statusCode()).as("other upstreams are not hit").isEqualTo(200);
  }

  @Test
  void shouldNeverAnswerAHungRequestSoTheClientTimesOut() throws Exception {
    faults.inject(HttpFault.of(HttpFault.Kind.HANG, "psn", clock.instant(), Duration.ofMinutes(5)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/psn/x"))
            .timeout(Duration.ofMillis(500))
            .build();
    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(faults.faulted(HttpFault.Kind.HANG)).isEqualTo(1);
    assertThat(get("/gt/y").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
