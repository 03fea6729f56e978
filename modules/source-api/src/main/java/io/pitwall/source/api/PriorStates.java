package io.pitwall.source.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's typed view of the state store: a watch's prior state, or a fresh baseline when it has
 * none or when the stored one is unreadable (logged, never fatal).
 *
 * @param <S> the state type
 */
public final class PriorStates<S> {

  private static final Logger LOG = LoggerFactory.getLogger(PriorStates.class);

  private final StateStore store;
  private final StateCodec<S> codec;

  /**
   * @param store the committed states
   * @param codec the source's codec
   */
  public PriorStates(StateStore store, StateCodec<S> codec) {
    this.store = store;
    this.codec = codec;
  }

  /** The watch's prior state; the empty state without one or when unreadable. */
  public S prior(String key) {
    byte[] stored = store.get(key);
    if (stored == null) {
      return codec.empty();
    }
    try {
      return codec.decode(stored);
    } catch (IllegalArgumentException corrupt) {
      LOG.error(
          "{}: stored state unreadable ({}); taking a new baseline", key, corrupt.getMessage());
      return codec.empty();
    }
  }

  /** The encoded next state, or null when it equals the prior one (nothing to write). */
  public byte[] changed(S prior, S next) {
    return next.equals(prior) ? null : codec.encode(next);
  }
}
