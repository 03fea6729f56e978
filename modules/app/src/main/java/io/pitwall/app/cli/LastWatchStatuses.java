package io.pitwall.app.cli;

import io.pitwall.events.WatchStatusChanged;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.TopicSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Each watch's last status, read from the committed {@code WatchStatusChanged} events of the
 * watch-status topic (decoded through the schema registry), for {@code pitwall watch list}.
 */
final class LastWatchStatuses {

  private LastWatchStatuses() {}

  /**
   * The last status line of every watch that has one, by key: {@code status=PRIVATE since <time>
   * (<reason>)}; a record that cannot be decoded says so instead of failing the listing.
   */
  static Map<String, String> read(
      Map<String, Object> consumer, String prefix, ConfluentRestRegistryClient registry) {
    AvroWireCodec codec = new AvroWireCodec(registry);
    Map<String, String> last = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record :
        TopicSnapshot.readToEnd(
            consumer, io.pitwall.events.EventCatalogue.WATCH_STATUS_CHANGED.topic(prefix))) {
      if (record.key() == null || record.value() == null) {
        continue;
      }
      String key = new String(record.key(), StandardCharsets.UTF_8);
      try {
        if (codec.decode(record.value()) instanceof WatchStatusChanged status) {
          last.put(
              key,
              "status="
                  + status.getStatus()
                  + " since "
                  + status.getEnvelope().getDetectedAt()
                  + " ("
                  + status.getReason()
                  + ")");
        }
      } catch (RuntimeException e) {
        last.put(key, "status unreadable (" + e.getClass().getSimpleName() + ")");
      }
    }
    return last;
  }
}
