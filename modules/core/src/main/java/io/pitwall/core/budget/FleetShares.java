package io.pitwall.core.budget;

import java.util.Map;
import java.util.Set;

/**
 * An instance's share of a credential's budget when a fleet of instances shares the credential: its
 * share of the credential's watches. Every instance reads the same table of watch counts per
 * partition (each partition's count written by its owner), so the shares of the instances that own
 * disjoint partitions add up to at most one, whatever the moment's ownership.
 */
public final class FleetShares {

  private FleetShares() {}

  /**
   * The share of the credential whose watch counts per partition are {@code counts}, for an
   * instance owning {@code owned} of {@code partitions} partitions. Before any count is known the
   * share follows the partitions owned.
   */
  public static double share(Map<Integer, Integer> counts, Set<Integer> owned, int partitions) {
    long total = 0;
    long mine = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      int count = Math.max(0, e.getValue());
      total += count;
      if (owned.contains(e.getKey())) {
        mine += count;
      }
    }
    if (total == 0) {
      return partitions <= 0 ? 0 : Math.min(1, owned.size() / (double) partitions);
    }
    return mine / (double) total;
  }
}
