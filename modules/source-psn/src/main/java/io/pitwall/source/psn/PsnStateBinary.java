package io.pitwall.source.psn;

import io.pitwall.source.psn.diff.EarnedIds;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Version 2 of the PSN state record: a compact binary form, read and written without a parser or a
 * compressor, because a poll decodes its watch's prior state and encodes the next one on the
 * polling path (version 1, deflated JSON, was most of a poll's CPU).
 *
 * <p>Layout, after the {@link #MARKER} byte; integers are unsigned LEB128 varints, signed ones
 * zigzag-encoded first:
 *
 * <pre>
 * flags         1 byte: 1 watermark, 2 since, 4 resumeAt
 * watermark     instant, when flagged
 * since         instant, when flagged
 * resumeAt      signed, when flagged
 * titles        count, then per title in ascending npCommunicationId order:
 *   id          bytes shared with the previous id's UTF-8, then the rest's length and bytes
 *   lastUpdated instant
 *   earnedCount signed
 *   earnedIds   0 unknown | 1 bitmap: smallest id (signed), byte count, bits (bit i = smallest + i)
 *               | 2 list: count, smallest id (signed), then each next id's distance to the one before
 * instant       signed seconds times 2, plus 1 when nanoseconds follow (unsigned)
 * </pre>
 *
 * A 100-title state of 25 earned trophies each is about 2.2 KB, two thirds of the deflated JSON of
 * version 1. Decoding checks every length against what is left, so a cut or corrupt record fails
 * with {@link IllegalArgumentException} instead of allocating what it claims.
 */
final class PsnStateBinary {

  /** First byte of a version-2 record (version 1 starts with '{' or with a deflate marker, 1). */
  static final byte MARKER = 0x02;

  private static final int WATERMARK = 1;
  private static final int SINCE = 2;
  private static final int RESUME_AT = 4;

  private static final int IDS_UNKNOWN = 0;
  private static final int IDS_BITMAP = 1;
  private static final int IDS_LIST = 2;

  private PsnStateBinary() {}

  /** Encodes a state as a version-2 record. */
  static byte[] encode(PsnWatchState state) {
    RecordSink out = new RecordSink(32 * state.titles().size() + 32);
    out.put(MARKER);
    int flags =
        (state.watermark() != null ? WATERMARK : 0)
            | (state.since() != null ? SINCE : 0)
            | (state.resumeAt() != null ? RESUME_AT : 0);
    out.put((byte) flags);
    if (state.watermark() != null) {
      out.instant(state.watermark());
    }
    if (state.since() != null) {
      out.instant(state.since());
    }
    if (state.resumeAt() != null) {
      out.signed(state.resumeAt());
    }
    out.unsigned(state.titles().size());
    byte[] previous = new byte[0];
    String[] keys = state.titles().keySet().toArray(new String[0]);
    Arrays.sort(keys);
    for (String key : keys) {
      byte[] id = key.getBytes(StandardCharsets.UTF_8);
      int mismatch = Arrays.mismatch(previous, id);
      int shared = mismatch < 0 ? id.length : mismatch;
      out.unsigned(shared);
      out.unsigned(id.length - shared);
      out.bytes(id, shared, id.length - shared);
      previous = id;
      TitleState title = state.titles().get(key);
      out.instant(title.lastUpdated());
      out.signed(title.earnedCount());
      ids(out, title.earnedIds());
    }
    return out.toByteArray();
  }

  /** The earned ids, as a bitmap or as a list of distances, whichever is shorter. */
  private static void ids(RecordSink out, Set<Integer> earned) {
    if (earned == null) {
      out.unsigned(IDS_UNKNOWN);
      return;
    }
    EarnedIds ids = EarnedIds.of(earned);
    int count = ids.size();
    if (count == 0) {
      out.unsigned(IDS_LIST);
      out.unsigned(0);
      return;
    }
    int first = ids.get(0);
    long span = (long) ids.get(count - 1) - first + 1;
    long bitmapBytes = (span + 7) / 8;
    // a list costs at least one byte per id; a bitmap one bit per id in the span
    if (bitmapBytes <= count) {
      out.unsigned(IDS_BITMAP);
      out.signed(first);
      byte[] bits = new byte[(int) bitmapBytes];
      for (int i = 0; i < count; i++) {
        long bit = (long) ids.get(i) - first;
        bits[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
      }
      out.unsigned(bits.length);
      out.bytes(bits, 0, bits.length);
    } else {
      out.unsigned(IDS_LIST);
      out.unsigned(count);
      out.signed(first);
      for (int i = 1; i < count; i++) {
        out.unsigned((long) ids.get(i) - ids.get(i - 1));
      }
    }
  }

  /**
   * Decodes a version-2 record.
   *
   * @throws IllegalArgumentException naming what is wrong when the record is cut or corrupt
   */
  static PsnWatchState decode(byte[] bytes) {
    RecordSource in = new RecordSource(bytes);
    if (in.get() != MARKER) {
      throw new IllegalArgumentException("not a version-2 PSN state record");
    }
    int flags = in.get() & 0xff;
    if ((flags & ~(WATERMARK | SINCE | RESUME_AT)) != 0) {
      throw new IllegalArgumentException("unknown flags " + flags);
    }
    Instant watermark = (flags & WATERMARK) != 0 ? in.instant() : null;
    Instant since = (flags & SINCE) != 0 ? in.instant() : null;
    Integer resumeAt = (flags & RESUME_AT) != 0 ? in.signedInt() : null;
    // every title takes at least five bytes: a bound on the count before anything is allocated
    int count = in.length(5);
    Map<String, TitleState> titles = new HashMap<>(count * 2);
    byte[] previous = new byte[0];
    for (int t = 0; t < count; t++) {
      int shared = in.length(0);
      if (shared > previous.length) {
        throw new IllegalArgumentException(
            "title " + t + " shares " + shared + " bytes with a " + previous.length + "-byte id");
      }
      int rest = in.length(1);
      byte[] id = Arrays.copyOf(previous, shared + rest);
      in.bytes(id, shared, rest);
      previous = id;
      String key = new String(id, StandardCharsets.UTF_8);
      Instant lastUpdated = in.instant();
      int earnedCount = in.signedInt();
      if (titles.put(key, new TitleState(lastUpdated, earnedCount, ids(in))) != null) {
        throw new IllegalArgumentException("title " + key + " appears twice");
      }
    }
    if (in.remaining() != 0) {
      throw new IllegalArgumentException(in.remaining() + " bytes after the last title");
    }
    return new PsnWatchState(watermark, titles, since, resumeAt);
  }

  private static Set<Integer> ids(RecordSource in) {
    long kind = in.unsigned();
    if (kind == IDS_UNKNOWN) {
      return null;
    }
    if (kind == IDS_BITMAP) {
      long first = in.signedInt();
      int length = in.length(1);
      if (first + 8L * length - 1 > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("earned ids past the largest int");
      }
      byte[] bits = new byte[length];
      in.bytes(bits, 0, length);
      int count = 0;
      for (byte b : bits) {
        count += Integer.bitCount(b & 0xff);
      }
      int[] ids = new int[count];
      int n = 0;
      for (int b = 0; b < length; b++) {
        for (int i = 0, set = bits[b] & 0xff; set != 0; i++, set >>>= 1) {
          if ((set & 1) != 0) {
            ids[n++] = (int) (first + 8L * b + i);
          }
        }
      }
      return EarnedIds.ofAscending(ids);
    }
    if (kind == IDS_LIST) {
      int count = in.length(1);
      int[] ids = new int[count];
      long id = 0;
      for (int i = 0; i < count; i++) {
        if (i == 0) {
          id = in.signedInt();
        } else {
          long distance = in.unsigned();
          id += distance;
          if (distance <= 0 || id > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("earned ids not ascending ints");
          }
        }
        ids[i] = (int) id;
      }
      return EarnedIds.ofAscending(ids);
    }
    throw new IllegalArgumentException("unknown earned-ids kind " + kind);
  }
}
