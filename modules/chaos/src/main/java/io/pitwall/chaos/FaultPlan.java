package io.pitwall.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The fault schedule of a run, drawn from its seed ({@link Random}): the same seed and length give
 * the same plan. Kills come every 10 to 40 s; between two kills there may be a pause (2 to 8 s) and
 * an upstream fault (5 to 20 s); broker outages (60 to 120 s, half of them timed to land inside an
 * open transaction) and registry restarts are spread over the run, one pool credential expires at
 * 40 % of it. Pure: no I/O.
 */
public final class FaultPlan {

  private static final FaultKind[] UPSTREAM = {
    FaultKind.HTTP_5XX,
    FaultKind.HTTP_HANG,
    FaultKind.HTTP_429,
    FaultKind.PSN_MALFORMED,
    FaultKind.TOKEN_REVOKED
  };
  private static final String[] TARGETS = {"psn", "gt", "gridstats", null};

  private FaultPlan() {}

  /** How many broker outages a run of this length gets (3 in 20 minutes, at least 1). */
  static int brokerOutages(double minutes) {
    return Math.max(1, (int) Math.round(minutes / 6.5));
  }

  /** How many registry restarts a run of this length gets (2 in 20 minutes, at least 1). */
  static int registryRestarts(double minutes) {
    return Math.max(1, (int) Math.round(minutes / 9));
  }

  /** The plan of a run: faults in start order. */
  public static List<PlannedFault> draw(long seed, double minutes) {
    Random random = new Random(seed);
    double total = minutes * 60;
    List<PlannedFault> big = new ArrayList<>();
    int outages = brokerOutages(minutes);
    int restarts = registryRestarts(minutes);
    int slots = outages + restarts;
    List<FaultKind> order = new ArrayList<>();
    for (int i = 0; i < outages; i++) {
      order.add(FaultKind.BROKER_OUTAGE);
    }
    for (int i = 0; i < restarts; i++) {
      order.add(FaultKind.REGISTRY_RESTART);
    }
    java.util.Collections.shuffle(order, random);
    double slot = total / slots;
    for (int i = 0; i < slots; i++) {
      FaultKind kind = order.get(i);
      // an outage lasts up to 120 s: start it early enough in its slot to end within the run
      double room = kind == FaultKind.BROKER_OUTAGE ? Math.max(0, slot - 125) : slot * 0.8;
      double at = i * slot + 5 + random.nextDouble() * Math.max(1, room - 5);
      big.add(
          kind == FaultKind.BROKER_OUTAGE
              ? new PlannedFault(
                  at,
                  kind,
                  60 + random.nextInt(61),
                  random.nextBoolean() ? "kill" : "stop",
                  random.nextBoolean())
              : new PlannedFault(at, kind, 0, null, false));
    }
    List<PlannedFault> plan = new ArrayList<>(big);
    plan.add(new PlannedFault(total * 0.4, FaultKind.CREDENTIAL_EXPIRED, 0, "psn", false));
    double t = 0;
    int next = 0;
    while (true) {
      double gap = 10 + random.nextDouble() * 30;
      if (next < big.size() && big.get(next).atSecond() < t + gap) {
        PlannedFault fault = big.get(next++);
        t = Math.max(t, fault.atSecond()) + fault.seconds() + 3;
        continue;
      }
      if (t + gap > total) {
        break;
      }
      if (random.nextDouble() < 0.35) {
        plan.add(
            new PlannedFault(
                t + random.nextDouble() * (gap - 9),
                FaultKind.PAUSE,
                2 + random.nextInt(7),
                null,
                false));
      }
      if (random.nextDouble() < 0.6) {
        FaultKind kind = UPSTREAM[random.nextInt(UPSTREAM.length)];
        boolean window =
            kind == FaultKind.HTTP_5XX || kind == FaultKind.HTTP_HANG || kind == FaultKind.HTTP_429;
        plan.add(
            new PlannedFault(
                t + random.nextDouble() * gap,
                kind,
                window ? 5 + random.nextInt(16) : 0,
                window ? TARGETS[random.nextInt(TARGETS.length)] : "psn",
                false));
      }
      t += gap;
      plan.add(new PlannedFault(t, FaultKind.KILL, 3, null, false));
    }
    plan.sort(Comparator.comparingDouble(PlannedFault::atSecond));
    return plan;
  }
}
