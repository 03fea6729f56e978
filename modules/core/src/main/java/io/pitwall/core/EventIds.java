package io.pitwall.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event identifiers: the same change always yields the same id, so that an
 * at-least-once consumer can de-duplicate. Ids are name-based UUIDs (RFC 9562 version 5, SHA-1) in
 * Pitwall's own namespace, computed over the event type and the parts that identify the change (for
 * a trophy: watch key, title id and trophy id).
 */
public final class EventIds {

  /** Pitwall's UUID namespace; changing it would change every event id ever emitted. */
  static final UUID NAMESPACE = UUID.fromString("6b1f3c2e-9a47-5d0e-8c31-7f20a5d9e4b1");

  private EventIds() {}

  /**
   * Returns the id of a change.
   *
   * @param eventType the event's type name, e.g. {@code TrophyEarned}
   * @param parts the values that identify this change within the type; none may contain NUL
   */
  public static UUID of(String eventType, String... parts) {
    StringBuilder name = new StringBuilder(eventType);
    for (String part : parts) {
      if (part.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("event id part must not contain NUL");
      }
      name.append('\0').append(part);
    }
    return nameUuid(name.toString());
  }

  private static UUID nameUuid(String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
