package io.pitwall.source.psn;

import io.pitwall.source.api.StateCodec;
import io.pitwall.source.psn.diff.PsnWatchState;

/**
 * The state topic's value for a PSN watch. Pitwall writes version 2, a compact binary record
 * ({@link PsnStateBinary}): a poll decodes its watch's prior state and encodes the next one, so the
 * codec is on the polling path, and version 1's deflated JSON was most of a poll's CPU. It reads
 * both: a record's first byte tells version 2 ({@link PsnStateBinary#MARKER}) from version 1's
 * deflated ({@link PsnStateJson#DEFLATED}) or plain JSON ('{'), so a state topic written by an
 * earlier Pitwall restores unchanged. An earlier Pitwall cannot read version 2 (it takes a new
 * baseline of such a watch: see the README's upgrade notes).
 */
public final class PsnStateCodec {

  /** The codec as the source API's {@link StateCodec}. */
  public static final StateCodec<PsnWatchState> CODEC =
      new StateCodec<>() {
        @Override
        public PsnWatchState empty() {
          return PsnWatchState.EMPTY;
        }

        @Override
        public byte[] encode(PsnWatchState state) {
          return PsnStateCodec.encode(state);
        }

        @Override
        public PsnWatchState decode(byte[] bytes) {
          return PsnStateCodec.decode(bytes);
        }
      };

  private PsnStateCodec() {}

  /** Encodes a state as a version-2 record. */
  public static byte[] encode(PsnWatchState state) {
    return PsnStateBinary.encode(state);
  }

  /**
   * Decodes a state record of either version.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a PSN state
   */
  public static PsnWatchState decode(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == PsnStateBinary.MARKER) {
      try {
        return PsnStateBinary.decode(bytes);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("corrupt PSN state record: " + e.getMessage(), e);
      }
    }
    return PsnStateJson.decode(bytes);
  }
}
