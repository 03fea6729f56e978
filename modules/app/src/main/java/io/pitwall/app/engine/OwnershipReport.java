package io.pitwall.app.engine;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code /health} says about this instance's place in the fleet: its id and group, the group
 * generation it last saw, and each owned partition's restore state ({@code RESTORING}, then {@code
 * POLLING} with the seconds its restore took). Written on the watches reader's thread, read by the
 * health endpoint.
 */
final class OwnershipReport {

  private final String instanceId;
  private final String group;
  private final Map<Integer, JsonObject> partitions = new ConcurrentHashMap<>();
  private volatile LiveWatches watches;

  OwnershipReport(String instanceId, String group) {
    this.instanceId = instanceId;
    this.group = group;
  }

  void bind(LiveWatches watches) {
    this.watches = watches;
  }

  void restoring(Set<Integer> assigned) {
    assigned.forEach(p -> partitions.put(p, new JsonObject().put("state", "RESTORING")));
  }

  void restored(Set<Integer> assigned, Duration took) {
    assigned.forEach(
        p ->
            partitions.put(
                p,
                new JsonObject()
                    .put("state", "POLLING")
                    .put("restoreSeconds", took.toMillis() / 1000.0)));
  }

  void revoked(Set<Integer> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** The {@code ownership} object of {@code /health}. */
  JsonObject json() {
    LiveWatches live = watches;
    JsonObject owned = new JsonObject();
    new TreeMap<>(partitions).forEach((p, state) -> owned.put(String.valueOf(p), state.copy()));
    return new JsonObject()
        .put("instanceId", instanceId)
        .put("group", group)
        .put("generation", live == null ? -1 : live.generation())
        .put("rebalances", live == null ? 0 : live.rebalances())
        .put("partitions", owned);
  }
}
