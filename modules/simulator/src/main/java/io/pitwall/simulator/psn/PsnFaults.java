package io.pitwall.simulator.psn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** Faults waiting for their request: each is taken by the first request its target matches. */
final class PsnFaults {

  private final List<PsnFault> pending = new ArrayList<>();

  /** Queues faults, in order. */
  synchronized void add(Collection<PsnFault> faults) {
    pending.addAll(faults);
  }

  /** Removes and returns the first pending fault for {@code target}, or null. */
  synchronized PsnFault take(PsnFault.Target target) {
    for (Iterator<PsnFault> it = pending.iterator(); it.hasNext(); ) {
      PsnFault fault = it.next();
      if (fault.target() == target) {
        it.remove();
        return fault;
      }
    }
    return null;
  }
}
