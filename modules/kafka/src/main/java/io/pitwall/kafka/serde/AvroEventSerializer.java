package io.pitwall.kafka.serde;

import io.pitwall.events.wire.AvroWireCodec;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes generated Avro records in the Schema Registry wire format, registering each schema
 * under {@code <topic>-value}. A record that does not match its schema is refused with an {@link
 * io.pitwall.events.wire.InvalidEventException} naming the field. Configure with {@link
 * AvroSerdeConfig#SCHEMA_REGISTRY_URL}.
 */
public final class AvroEventSerializer implements Serializer<SpecificRecord> {

  private AvroWireCodec codec;

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public AvroEventSerializer() {}

  /** A ready serializer over an existing codec. */
  public AvroEventSerializer(AvroWireCodec codec) {
    this.codec = codec;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (codec == null) {
      codec = new AvroWireCodec(AvroSerdeConfig.registryFrom(configs));
    }
  }

  @Override
  public byte[] serialize(String topic, SpecificRecord data) {
    if (data == null) {
      return null;
    }
    if (codec == null) {
      throw new IllegalStateException("AvroEventSerializer used before configure()");
    }
    return codec.encode(topic, data);
  }
}
