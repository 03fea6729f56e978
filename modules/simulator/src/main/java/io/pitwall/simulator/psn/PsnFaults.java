package io.pitwall.simulator.psn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Faults waiting for their request: each is taken by the first request its target matches, after
 * the requests it was told to let pass.
 */
final class PsnFaults {

  private static final class Pending {
    final PsnFault fault;
    int letPass;

    Pending(PsnFault fault, int letPass) {
      this.fault = fault;
      this.letPass = letPass;
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  /** Queues faults, in order, the first one after {@code letPass} matching requests. */
  synchronized void add(Collection<PsnFault> faults, int letPass) {
    int skip = letPass;
    for (PsnFault fault : faults) {
      pending.add(new Pending(fault, skip));
      skip = 0;
    }
  }

  /** Removes and returns the first pending fault for {@code target} that is due, or null. */
  synchronized PsnFault take(PsnFault.Target target) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending next = it.next();
      if (next.fault.target() == target) {
        if (next.letPass > 0) {
          next.letPass--;
          return null;
        }
        it.remove();
        return next.fault;
      }
    }
    return null;
  }
}
