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
 * What one transaction holds for a group of batches (several polls' results, committed together):
 * the encoded event records, the states to write, and per batch how many of its events go out and
 * which of its watches are dropped (removed, or moved to another instance, while being polled).
 */
final class TransactionContents {

  final List<ProducerRecord<byte[], byte[]>> events = new ArrayList<>();
  final Map<String, byte[]> states = new LinkedHashMap<>();
  final List<PublishResult> results = new ArrayList<>();

  /**
   * Encodes the batches' events and collects their states.
   *
   * @param owned whether a watch key still belongs to this instance (the group's view)
   * @param removing whether a watch's state is being tombstoned (its state must not come back)
   * @throws io.pitwall.events.wire.InvalidEventException when an event does not match its schema
   */
  TransactionContents(
      List<PublishBatch> batches,
      Predicate<String> owned,
      Predicate<String> removing,
      AvroWireCodec codec) {
    for (PublishBatch batch : batches) {
      Predicate<String> current = key -> batch.current().test(key) && owned.test(key);
      Set<String> dropped = new HashSet<>();
      int sent = 0;
      for (OutgoingEvent event : batch.events()) {
        if (current.test(event.key())) {
          events.add(
              new ProducerRecord<>(
                  event.topic(),
                  event.key().getBytes(StandardCharsets.UTF_8),
                  codec.encode(event.topic(), event.value())));
          sent++;
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
      results.add(new PublishResult(sent, dropped));
    }
  }

  /** Every watch key dropped from any batch. */
  Set<String> dropped() {
    Set<String> all = new HashSet<>();
    results.forEach(r -> all.addAll(r.dropped()));
    return all;
  }
}
