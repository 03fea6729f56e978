package io.pitwall.source.psn;

import java.time.Instant;

/**
 * A reader over a {@link PsnStateBinary} record that refuses to read past its end: every failure is
 * an {@link IllegalArgumentException} naming the byte.
 */
final class RecordSource {
  private final byte[] bytes;
  private int position;

  RecordSource(byte[] bytes) {
    this.bytes = bytes;
  }

  int remaining() {
    return bytes.length - position;
  }

  byte get() {
    if (position >= bytes.length) {
      throw new IllegalArgumentException("the record ends early, at byte " + position);
    }
    return bytes[position++];
  }

  void bytes(byte[] target, int offset, int length) {
    if (length > remaining()) {
      throw new IllegalArgumentException("the record ends early, at byte " + position);
    }
    System.arraycopy(bytes, position, target, offset, length);
    position += length;
  }

  long unsigned() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = get();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("a number longer than 64 bits at byte " + position);
  }

  long signed() {
    long raw = unsigned();
    return (raw >>> 1) ^ -(raw & 1);
  }

  int signedInt() {
    long value = signed();
    if (value != (int) value) {
      throw new IllegalArgumentException("a number past the int range at byte " + position);
    }
    return (int) value;
  }

  /** A length or count, each unit of which takes at least {@code unitBytes} of what is left. */
  int length(int unitBytes) {
    long value = unsigned();
    if (value < 0 || value > Integer.MAX_VALUE || value * unitBytes > remaining()) {
      throw new IllegalArgumentException(
          "a length of " + value + " with " + remaining() + " bytes left, at byte " + position);
    }
    return (int) value;
  }

  Instant instant() {
    long raw = unsigned();
    long zigzag = raw >>> 1;
    long seconds = (zigzag >>> 1) ^ -(zigzag & 1);
    long nanos = (raw & 1) != 0 ? unsigned() : 0;
    if (nanos <= 0 && (raw & 1) != 0 || nanos > 999_999_999L) {
      throw new IllegalArgumentException("nanoseconds " + nanos + " at byte " + position);
    }
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("an instant out of range at byte " + position);
    }
  }
}
