package io.pitwall.kafka.publish;

import java.util.List;

/**
 * What one poll publishes atomically: its events and the watch's new state.
 *
 * @param events the events, in order
 * @param stateKey the watch key
 * @param state the encoded new state
 */
public record PublishBatch(List<OutgoingEvent> events, String stateKey, byte[] state) {

  public PublishBatch {
    events = List.copyOf(events);
  }
}
