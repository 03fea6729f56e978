package io.pitwall.simulator;

import io.pitwall.simulator.fault.FaultLayer;
import io.pitwall.simulator.gt.GridstatsApi;
import io.pitwall.simulator.gt.GtProfileApi;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.psn.PsnSimulator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP server: one listener serving every simulated upstream (PSN, and the GT
 * profile and gtgridstats APIs when a GT world is given), logging each answered request to the
 * {@link RequestLog}. A {@link FaultLayer} sits in front of every API (5xx bursts, hung
 * connections, 429 storms on demand).
 */
public final class SimulatorServer extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

  private final PsnSimulator psn;
  private final GtWorld gt;
  private final GtSimulatorConfig gtConfig;
  private final RequestLog requestLog;
  private final Clock clock;
  private final String host;
  private final int port;
  private final FaultLayer faults;
  private volatile HttpServer server;

  /**
   * @param psn the PSN simulator
   * @param gt the GT world, or null for none
   * @param gtConfig the GT simulators' knobs (with {@code gt})
   * @param requestLog where answered requests go
   * @param clock the simulator's clock
   * @param host interface to bind, e.g. 127.0.0.1
   * @param port port to bind, 0 for any free port
   */
  public SimulatorServer(
      PsnSimulator psn,
      GtWorld gt,
      GtSimulatorConfig gtConfig,
      RequestLog requestLog,
      Clock clock,
      String host,
      int port) {
    this.psn = psn;
    this.gt = gt;
    this.gtConfig = gtConfig;
    this.requestLog = requestLog;
    this.clock = clock;
    this.host = host;
    this.port = port;
    this.faults = new FaultLayer(clock, SimulatorServer::upstreamOf);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(this::logWhenAnswered);
    router.route().handler(faults::handle);
    psn.mount(router);
    if (gt != null) {
      new GtProfileApi(gt).mount(router);
      new GridstatsApi(vertx, gt, gtConfig, clock, () -> "http://" + host + ":" + actualPort())
          .mount(router);
    }
    router.route().failureHandler(this::failure);
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(port, host)
        .onSuccess(
            s -> {
              server = s;
              LOG.info("Simulator listening on http://{}:{}", host, s.actualPort());
            });
  }

  /** The port the server listens on (after start). */
  public int actualPort() {
    return server.actualPort();
  }

  /** The fault layer in front of every API. */
  public FaultLayer faults() {
    return faults;
  }

  /** Which simulated API a path belongs to. */
  static String upstreamOf(String path) {
    String psnUpstream = PsnSimulator.upstreamOf(path);
    if (psnUpstream != null) {
      return psnUpstream;
    }
    if (path.startsWith(GtProfileApi.PREFIX)) {
      return "gt";
    }
    return GridstatsApi.owns(path) ? "gridstats" : "unknown";
  }

  private void logWhenAnswered(RoutingContext ctx) {
    String path = ctx.request().path();
    String upstream = upstreamOf(path);
    ctx.response()
        .endHandler(
            v ->
                requestLog.add(
                    new RequestLog.Entry(
                        clock.instant(),
                        upstream,
                        ctx.request().method().name(),
                        path,
                        ctx.request().query() == null ? "" : ctx.request().query(),
                        PsnSimulator.identity(ctx),
                        ctx.response().getStatusCode())));
    ctx.next();
  }

  private void failure(RoutingContext ctx) {
    if (PsnSimulator.handleFailure(ctx)) {
      return;
    }
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (status == 500) {
      LOG.warn(
          "Simulator failed on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(
            new JsonObject()
                .put("error", new JsonObject().put("message", "HTTP " + status))
                .encode());
  }
}
