package io.pitwall.events.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes generated Avro records into the Schema Registry wire format and back. The writer schema
 * is registered under the subject {@code <topic>-value} (the topic name strategy), so any
 * Confluent-compatible consumer or sink connector can read the records.
 */
public final class AvroWireCodec {

  private final SchemaRegistryClient registry;

  /**
   * @param registry where writer schemas are registered and looked up
   */
  public AvroWireCodec(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /** The subject a topic's values are registered under. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  /**
   * Validates, registers (once) and encodes a record for {@code topic}.
   *
   * @throws InvalidEventException naming the field when the record does not match its schema
   * @throws SchemaRegistryException when the schema cannot be registered
   */
  public byte[] encode(String topic, SpecificRecord record) {
    Schema schema = record.getSchema();
    SpecificData model = SpecificData.getForSchema(schema);
    SchemaConformance.check(record, model);
    int id = registry.register(valueSubject(topic), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new SpecificDatumWriter<SpecificRecord>(schema, model).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return WireFormat.frame(id, out.toByteArray());
  }

  /**
   * Decodes a framed record into its generated class, resolving the writer schema by id.
   *
   * @throws IllegalArgumentException when the bytes are not in the wire format or not a record this
   *     process has a class for
   * @throws SchemaRegistryException when the writer schema cannot be fetched
   */
  public SpecificRecord decode(byte[] framed) {
    int id = WireFormat.schemaId(framed);
    Schema writer = registry.schemaById(id);
    Class<?> recordClass = SpecificData.get().getClass(writer);
    if (recordClass == null || !SpecificRecord.class.isAssignableFrom(recordClass)) {
      throw new IllegalArgumentException(
          "No generated class for " + writer.getFullName() + " (schema id " + id + ")");
    }
    Schema reader = SpecificData.get().getSchema(recordClass);
    SpecificData model = SpecificData.getForSchema(reader);
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                Arrays.copyOfRange(framed, WireFormat.HEADER_LENGTH, framed.length), null);
    try {
      return new SpecificDatumReader<SpecificRecord>(writer, reader, model).read(null, decoder);
    } catch (IOException | AvroRuntimeException e) {
      throw new IllegalArgumentException(
          "Could not decode a " + writer.getFullName() + " record (schema id " + id + "): " + e, e);
    }
  }
}
