package io.pitwall.kafka.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.events.SampleEvents;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.wire.InvalidEventException;
import io.pitwall.events.wire.WireFormat;
import io.pitwall.gt.GtEventTypes;
import io.pitwall.source.api.EventType;
import io.pitwall.source.psn.PsnPlugin;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Every event through a real broker and a real schema registry, and back. */
class EventRoundTripIT {

  private final String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";

  @Test
  void shouldProduceEveryEventThroughTheRegistryAndReadItBackEqual() throws Exception {
    Map<EventType, SpecificRecord> events =
        Map.of(
            PsnPlugin.TROPHY_EARNED, SampleEvents.trophyEarned(),
            GtEventTypes.DR_CLASS_CHANGED, SampleEvents.drClassChanged(),
            GtEventTypes.SERIES_ROUND_SCORED, SampleEvents.seriesRoundScored());

    try (KafkaProducer<String, SpecificRecord> producer = producer()) {
      for (var entry : events.entrySet()) {
        producer
            .send(new ProducerRecord<>(entry.getKey().topic(prefix), "psn:1", entry.getValue()))
            .get();
      }
    }

    for (var entry : events.entrySet()) {
      String topic = entry.getKey().topic(prefix);
      ConsumerRecord<String, byte[]> raw = readOne(topic);

      byte[] bytes = raw.value();
      assertThat(bytes[0]).as("magic byte").isEqualTo((byte) 0);
      int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
      assertThat(schemaId).isEqualTo(WireFormat.schemaId(bytes));
      assertThat(registeredIds(topic + "-value")).contains(schemaId);

      try (AvroEventDeserializer deserializer = new AvroEventDeserializer()) {
        deserializer.configure(
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, TestSchemaRegistry.url()), false);
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(entry.getValue());
      }
    }
  }

  @Test
  void shouldRefuseToProduceARecordThatDoesNotMatchItsSchema() {
    TrophyEarned broken = SampleEvents.trophyEarned();
    broken.setTrophyName(null);

    try (KafkaProducer<String, SpecificRecord> producer = producer()) {
      assertThatThrownBy(
              () ->
                  producer.send(
                      new ProducerRecord<>(PsnPlugin.TROPHY_EARNED.topic(prefix), "psn:1", broken)))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageContaining("TrophyEarned.trophyName");
    }
  }

  private KafkaProducer<String, SpecificRecord> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            AvroEventSerializer.class,
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            TestSchemaRegistry.url()));
  }

  private static ConsumerRecord<String, byte[]> readOne(String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).hasSize(1);
              });
      assertThat(received.get(0).key()).isEqualTo("psn:1");
      return received.get(0);
    }
  }

  private static List<Integer> registeredIds(String subject) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = TestSchemaRegistry.url();
    JsonNode subjects = get(http, base + "/subjects");
    List<String> names = new ArrayList<>();
    subjects.forEach(s -> names.add(s.asText()));
    assertThat(names).contains(subject);
    JsonNode latest = get(http, base + "/subjects/" + subject + "/versions/latest");
    return List.of(latest.get("id").asInt());
  }

  private static JsonNode get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
