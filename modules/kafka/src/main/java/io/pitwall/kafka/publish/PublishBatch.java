package io.pitwall.kafka.publish;

import io.pitwall.source.api.OutgoingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one poll (or one batch of polls) publishes atomically: its events and the new state of every
 * watch it covered.
 *
 * @param events the events, in order; each keyed by its watch
 * @param states encoded new states by watch key
 * @param current whether a watch key is still watched: checked on the publisher's thread just
 *     before sending, so that the events and state of a watch removed while it was being polled are
 *     dropped instead of bringing its state back
 */
public record PublishBatch(
    List<OutgoingEvent> events, Map<String, byte[]> states, Predicate<String> current) {

  public PublishBatch {
    events = List.copyOf(events);
    states = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** A batch whose watches are all current. */
  public PublishBatch(List<OutgoingEvent> events, Map<String, byte[]> states) {
    this(events, states, key -> true);
  }

  /** A batch for one watch. */
  public PublishBatch(List<OutgoingEvent> events, String stateKey, byte[] state) {
    this(events, Map.of(stateKey, state));
  }
}
