package io.pitwall.app.metrics;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Serves {@code /metrics} (Prometheus text), {@code /health} (the full JSON document, 503 when
 * DOWN), {@code /health/live} (503 only when the engine cannot recover by itself: the liveness
 * probe) and {@code /health/ready} (503 while nothing can be committed: the readiness probe).
 */
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
   * @param health the health endpoints' answers
   */
  public static Future<MetricsServer> start(
      Vertx vertx, int port, PitwallMetrics metrics, HealthEndpoints health) {
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
              JsonObject body = health.document();
              json(ctx, "DOWN".equals(body.getString("status")) ? 503 : 200, body);
            });
    router
        .get("/health/live")
        .handler(ctx -> json(ctx, health.live() ? 200 : 503, health.summary()));
    router
        .get("/health/ready")
        .handler(ctx -> json(ctx, health.ready() ? 200 : 503, health.summary()));
    return vertx.createHttpServer().requestHandler(router).listen(port).map(MetricsServer::new);
  }

  private static void json(io.vertx.ext.web.RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encodePrettily());
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
