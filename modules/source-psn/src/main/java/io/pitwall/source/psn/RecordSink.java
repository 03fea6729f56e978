package io.pitwall.source.psn;

import java.time.Instant;
import java.util.Arrays;

/** A growable byte array with the varint writers of {@link PsnStateBinary}. */
final class RecordSink {
  private byte[] buffer;
  private int size;

  RecordSink(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  void put(byte b) {
    room(1);
    buffer[size++] = b;
  }

  void bytes(byte[] source, int offset, int length) {
    room(length);
    System.arraycopy(source, offset, buffer, size, length);
    size += length;
  }

  void unsigned(long value) {
    room(10);
    while ((value & ~0x7fL) != 0) {
      buffer[size++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
  }

  void signed(long value) {
    unsigned((value << 1) ^ (value >> 63));
  }

  void instant(Instant instant) {
    long seconds = (instant.getEpochSecond() << 1) ^ (instant.getEpochSecond() >> 63);
    int nanos = instant.getNano();
    unsigned(seconds << 1 | (nanos != 0 ? 1 : 0));
    if (nanos != 0) {
      unsigned(nanos);
    }
  }

  private void room(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}
