package io.pitwall.chaos;

import io.pitwall.simulator.fault.HttpFault;
import io.pitwall.simulator.psn.PsnFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plays a {@link FaultPlan} against a running {@link ChaosEnvironment}, in real time, printing each
 * fault as it happens and recording when it began and ended.
 */
final class FaultRunner {

  private static final Duration RESTART_DELAY = Duration.ofSeconds(3);
  private static final Map<String, String> PAUSE_IN_TRANSACTION =
      Map.of("fault.pause.before.commit", "PT5S");

  private final ChaosEnvironment env;
  private final Random random;
  private final List<FaultRecord> done = new ArrayList<>();
  private Instant begin;

  FaultRunner(ChaosEnvironment env, long seed) {
    this.env = env;
    this.random = new Random(seed * 31 + 7);
  }

  /**
   * Plays the plan, and returns every fault that happened once the plan is over and at least {@code
   * window} has passed since it began.
   */
  List<FaultRecord> run(List<PlannedFault> plan, Duration window) throws InterruptedException {
    begin = Instant.now();
    for (PlannedFault fault : plan) {
      sleepUntil(begin.plusMillis((long) (fault.atSecond() * 1000)));
      play(fault);
    }
    sleepUntil(begin.plus(window));
    return List.copyOf(done);
  }

  private static void sleepUntil(Instant at) throws InterruptedException {
    long wait = Duration.between(Instant.now(), at).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private void play(PlannedFault fault) throws InterruptedException {
    Instant start = Instant.now();
    switch (fault.kind()) {
      case KILL -> {
        int target = target();
        killAndRestart(env.engines.get(target), Map.of());
        record(fault.kind(), "SIGKILL" + which(target) + ", restart after 3 s", start);
      }
      case PAUSE -> {
        int target = target();
        EngineSupervisor engine = env.engines.get(target);
        if (!engine.alive()) {
          return;
        }
        engine.pause();
        Thread.sleep((long) (fault.seconds() * 1000));
        engine.resume();
        record(
            fault.kind(),
            "SIGSTOP" + which(target) + " for " + (long) fault.seconds() + " s",
            start);
      }
      case BROKER_OUTAGE -> brokerOutage(fault, start);
      case REGISTRY_RESTART -> {
        env.restartRegistry();
        record(fault.kind(), "restart on durable storage", start);
      }
      case HTTP_5XX, HTTP_HANG, HTTP_429 -> {
        HttpFault.Kind kind =
            switch (fault.kind()) {
              case HTTP_5XX -> HttpFault.Kind.SERVER_ERROR_BURST;
              case HTTP_HANG -> HttpFault.Kind.HANG;
              default -> HttpFault.Kind.RATE_LIMIT_STORM;
            };
        Duration length = Duration.ofMillis((long) (fault.seconds() * 1000));
        Instant now = env.simulator.clock().instant();
        env.simulator
            .faults()
            .inject(
                new HttpFault(
                    kind,
                    fault.upstream(),
                    now.plus(length),
                    Duration.ofSeconds(1 + random.nextInt(5))));
        String target = fault.upstream() == null ? "every upstream" : fault.upstream();
        done.add(
            new FaultRecord(
                fault.kind(),
                target + " for " + length.toSeconds() + " s",
                start,
                start.plus(length)));
        print(fault.kind(), target + " for " + length.toSeconds() + " s");
      }
      case PSN_MALFORMED -> {
        PsnFault[] kinds = PsnFault.values();
        List<PsnFault> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          next.add(kinds[random.nextInt(kinds.length)]);
        }
        env.simulator.psn().injectFaults(next.toArray(PsnFault[]::new));
        record(fault.kind(), "next PSN answers " + next, start);
      }
      case TOKEN_REVOKED -> {
        env.simulator.psn().tokens().expireAccessTokens();
        record(fault.kind(), "every PSN access token expired", start);
      }
      case CREDENTIAL_EXPIRED -> {
        env.world.psn.expireNpsso(ChaosWorld.altAccount());
        env.simulator.psn().tokens().expireAccessTokens();
        record(fault.kind(), "npsso of pool member alt expired", start);
      }
    }
  }

  private static void killAndRestart(EngineSupervisor engine, Map<String, String> extra)
      throws InterruptedException {
    engine.kill();
    Thread.sleep(RESTART_DELAY.toMillis());
    engine.start(extra);
  }

  /** A random instance (no draw with one instance, so a one-instance run plays as before). */
  private int target() {
    return env.engines.size() == 1 ? 0 : random.nextInt(env.engines.size());
  }

  /** " of instance N" when the run has several, else nothing. */
  private String which(int instance) {
    return env.engines.size() == 1 ? "" : " of instance chaos-" + instance;
  }

  private void brokerOutage(PlannedFault fault, Instant start) throws InterruptedException {
    String how = fault.upstream();
    if (fault.insideTransaction()) {
      // restart the engine so that it pauses inside each open transaction, and stop the broker
      // while it holds one
      Instant killAt = Instant.now();
      killAndRestart(env.engine(), PAUSE_IN_TRANSACTION);
      record(FaultKind.KILL, "SIGKILL, restart after 3 s pausing inside transactions", killAt);
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (!env.engine().output().contains("Fault injection: pausing")
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      start = Instant.now();
    }
    if ("kill".equals(how)) {
      env.broker.kill();
    } else {
      env.broker.stop();
    }
    print(
        FaultKind.BROKER_OUTAGE,
        how
            + " for "
            + (long) fault.seconds()
            + " s"
            + (fault.insideTransaction() ? ", inside an open transaction" : "")
            + " (begins)");
    Thread.sleep((long) (fault.seconds() * 1000));
    env.broker.startAgain();
    record(
        FaultKind.BROKER_OUTAGE,
        "broker back after " + Duration.between(start, Instant.now()).toSeconds() + " s",
        start);
    if (fault.insideTransaction()) {
      Instant killAt = Instant.now();
      killAndRestart(env.engine(), Map.of());
      record(FaultKind.KILL, "SIGKILL, restart after 3 s without the transaction pause", killAt);
    }
  }

  private void record(FaultKind kind, String detail, Instant start) {
    done.add(new FaultRecord(kind, detail, start, Instant.now()));
    print(kind, detail);
  }

  private void print(FaultKind kind, String detail) {
    System.out.printf(
        java.util.Locale.ROOT,
        "chaos-event: t=%.1fs %s: %s%n",
        Duration.between(begin, Instant.now()).toMillis() / 1000.0,
        kind.label(),
        detail);
    System.out.flush();
  }
}
