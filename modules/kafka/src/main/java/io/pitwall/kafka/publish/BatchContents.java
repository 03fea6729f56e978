package io.pitwall.kafka.publish;

import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.source.api.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one batch (one poll's results) puts into its transaction: the encoded event records, the
 * states to write, and its result (how many of its events go out, and which of its watches are
 * dropped because they were removed, or moved to another instance, while being polled). Every event
 * is encoded before any is sent, so that a batch goes into its transaction whole or not at all.
 *
 * @param events the encoded event records, in the batch's order
 * @param states the states to write, by watch key
 * @param result what the batch's caller learns once the transaction committed
 */
record BatchContents(
    List<ProducerRecord<byte[], byte[]>> events, Map<String, byte[]> states, PublishResult result) {

  /**
   * Encodes the batch's events and collects its states.
   *
   * @param owned whether a watch key still belongs to this instance (the group's view)
   * @param removing whether a watch's state is being tombstoned (its state must not come back)
   * @throws io.pitwall.events.wire.InvalidEventException when an event does not match its schema
   */
  static BatchContents of(
      PublishBatch batch,
      Predicate<String> owned,
      Predicate<String> removing,
      AvroWireCodec codec) {
    Predicate<String> current = key -> batch.current().test(key) && owned.test(key);
    List<ProducerRecord<byte[], byte[]>> events = new ArrayList<>();
    Map<String, byte[]> states = new LinkedHashMap<>();
    Set<String> dropped = new HashSet<>();
    for (OutgoingEvent event : batch.events()) {
      if (current.test(event.key())) {
        events.add(
            new ProducerRecord<>(
                event.topic(),
                event.key().getBytes(StandardCharsets.UTF_8),
                codec.encode(event.topic(), event.value())));
      } else {
        dropped.add(event.key());
      }
    }
    batch
        .states()
        .forEach(
            (key, state) -> {
              if (current.test(key) && !removing.test(key)) {
                states.put(key, state);
              } else {
                dropped.add(key);
              }
            });
    return new BatchContents(events, states, new PublishResult(events.size(), dropped));
  }
}
