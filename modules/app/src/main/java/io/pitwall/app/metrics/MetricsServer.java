package io.pitwall.app.metrics;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/** Serves {@code /metrics} (Prometheus text) and {@code /health} (JSON, 503 when DOWN). */
public final class MetricsServer {

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the server.
   *
   * @param vertx the Vert.x instance
   * @param port the port, 0 for any
   * @param metrics the registry to scrape
   * @param health the current health; {@code status} UP, DEGRADED or DOWN
   */
  public static Future<MetricsServer> start(
      Vertx vertx, int port, PitwallMetrics metrics, Supplier<JsonObject> health) {
    Router router = Router.router(vertx);
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.scrape()));
    router
        .get("/health")
        .handler(
            ctx -> {
              JsonObject body = health.get();
              ctx.response()
                  .setStatusCode("DOWN".equals(body.getString("status")) ? 503 : 200)
                  .putHeader("Content-Type", "application/json")
                  .end(body.encodePrettily());
            });
    return vertx.createHttpServer().requestHandler(router).listen(port).map(MetricsServer::new);
  }

  /** The port it listens on. */
  public int port() {
    return server.actualPort();
  }

  /** Stops it. */
  public Future<Void> close() {
    return server.close();
  }
}
