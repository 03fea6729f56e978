package io.pitwall.simulator;

import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.psn.PsnSimulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * A running simulator with its own Vert.x instance: the entry point for tests, benchmarks and
 * {@code pitwall demo}. Close it to stop the server.
 */
public final class Simulator implements AutoCloseable {

  private final Vertx vertx;
  private final SimulatorServer server;
  private final PsnSimulator psn;
  private final RequestLog requestLog;
  private final SimClock clock;

  private Simulator(
      Vertx vertx,
      SimulatorServer server,
      PsnSimulator psn,
      RequestLog requestLog,
      SimClock clock) {
    this.vertx = vertx;
    this.server = server;
    this.psn = psn;
    this.requestLog = requestLog;
    this.clock = clock;
  }

  /**
   * Starts a simulator on a free loopback port.
   *
   * @param world the PSN accounts and titles to serve
   * @param config token lifetimes and rate limit
   * @param clock the simulator's clock
   */
  public static Simulator start(PsnWorld world, PsnSimulatorConfig config, SimClock clock) {
    return start(world, config, clock, "127.0.0.1", 0);
  }

  /** Starts a simulator on the given interface and port (0 for any free port). */
  public static Simulator start(
      PsnWorld world, PsnSimulatorConfig config, SimClock clock, String host, int port) {
    return start(world, config, null, null, clock, host, port);
  }

  /** Starts a simulator of PSN and the GT APIs on a free loopback port. */
  public static Simulator start(
      PsnWorld world,
      PsnSimulatorConfig config,
      GtWorld gt,
      GtSimulatorConfig gtConfig,
      SimClock clock) {
    return start(world, config, gt, gtConfig, clock, "127.0.0.1", 0);
  }

  private static Simulator start(
      PsnWorld world,
      PsnSimulatorConfig config,
      GtWorld gt,
      GtSimulatorConfig gtConfig,
      SimClock clock,
      String host,
      int port) {
    Vertx vertx = Vertx.vertx();
    RequestLog requestLog = new RequestLog();
    PsnSimulator psn = new PsnSimulator(world, config, clock);
    SimulatorServer server = new SimulatorServer(psn, gt, gtConfig, requestLog, clock, host, port);
    try {
      vertx
          .deployVerticle(server)
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("Could not start the simulator on " + host + ":" + port, e);
    }
    return new Simulator(vertx, server, psn, requestLog, clock);
  }

  /** Base URL of the simulator, e.g. http://127.0.0.1:40123. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Base URL of the simulated Trophy API ({@code .../api/trophy}), like PITWALL_PSN_BASE_URL. */
  public String psnBaseUrl() {
    return baseUrl() + "/api/trophy";
  }

  /**
   * Base URL of the simulated OAuth ({@code .../api/authz/v3/oauth}), like
   * PITWALL_PSN_AUTH_BASE_URL.
   */
  public String psnAuthBaseUrl() {
    return baseUrl() + "/api/authz/v3/oauth";
  }

  /** Base URL of the simulated GT Sport profile API, like PITWALL_GT_BASE_URL. */
  public String gtBaseUrl() {
    return baseUrl() + io.pitwall.simulator.gt.GtProfileApi.PREFIX;
  }

  /** Base URL of the simulated gtgridstats API, like PITWALL_GRIDSTATS_BASE_URL. */
  public String gridstatsBaseUrl() {
    return baseUrl();
  }

  /** The PSN simulator (world, tokens). */
  public PsnSimulator psn() {
    return psn;
  }

  /** Every answered request. */
  public RequestLog requestLog() {
    return requestLog;
  }

  /** The HTTP fault layer in front of every simulated API. */
  public io.pitwall.simulator.fault.FaultLayer faults() {
    return server.faults();
  }

  /** The simulator's clock. */
  public SimClock clock() {
    return clock;
  }

  /** The simulator's Vert.x instance (to schedule activity on). */
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the simulator", e);
    }
  }
}
