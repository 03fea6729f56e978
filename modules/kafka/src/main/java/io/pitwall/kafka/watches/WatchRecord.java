package io.pitwall.kafka.watches;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;

/**
 * What one watches-topic record means: a watch to add or update, a watch to remove (tombstone), or
 * a rejected record with the reason.
 */
public sealed interface WatchRecord {

  /** Add or update. */
  record Upsert(WatchDefinition watch) implements WatchRecord {}

  /** A tombstone: stop watching. */
  record Remove(WatchKey key) implements WatchRecord {}

  /**
   * Refused.
   *
   * @param reason a stable reason code, e.g. {@code MALFORMED_JSON}
   * @param message what is wrong, for operators
   */
  record Rejected(String reason, String message) implements WatchRecord {}
}
