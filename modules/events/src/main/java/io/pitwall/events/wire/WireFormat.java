package io.pitwall.events.wire;

import java.nio.ByteBuffer;

/**
 * The Schema Registry wire format: one magic byte {@code 0}, the schema id as a 4-byte big-endian
 * integer, then the Avro binary encoding of the record.
 */
public final class WireFormat {

  /** The first byte of every record in this format. */
  public static final byte MAGIC_BYTE = 0;

  /** Length of the magic byte plus the schema id. */
  public static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  /** Prepends the header for {@code schemaId} to an Avro binary payload. */
  public static byte[] frame(int schemaId, byte[] avroBinary) {
    return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(avroBinary)
        .array();
  }

  /**
   * Reads the schema id from a framed record.
   *
   * @throws IllegalArgumentException when the bytes are too short or do not start with the magic
   *     byte
   */
  public static int schemaId(byte[] framed) {
    if (framed == null || framed.length < HEADER_LENGTH) {
      throw new IllegalArgumentException(
          "Not in the Schema Registry wire format: "
              + (framed == null ? "no bytes" : framed.length + " bytes")
              + ", a record needs at least "
              + HEADER_LENGTH);
    }
    if (framed[0] != MAGIC_BYTE) {
      throw new IllegalArgumentException(
          "Not in the Schema Registry wire format: first byte is " + framed[0] + ", expected 0");
    }
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }
}
