package io.pitwall.kafka.serde;

import io.pitwall.events.wire.AvroWireCodec;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Schema Registry wire-format records into Pitwall's generated Avro classes. Bytes that are
 * not in the wire format raise a {@link SerializationException} carrying the topic.
 */
public final class AvroEventDeserializer implements Deserializer<SpecificRecord> {

  private AvroWireCodec codec;

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public AvroEventDeserializer() {}

  /** A ready deserializer over an existing codec. */
  public AvroEventDeserializer(AvroWireCodec codec) {
    this.codec = codec;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (codec == null) {
      codec = new AvroWireCodec(AvroSerdeConfig.registryFrom(configs));
    }
  }

  @Override
  public SpecificRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (codec == null) {
      throw new IllegalStateException("AvroEventDeserializer used before configure()");
    }
    try {
      return codec.decode(data);
    } catch (IllegalArgumentException e) {
      throw new SerializationException("Topic " + topic + ": " + e.getMessage(), e);
    }
  }
}
