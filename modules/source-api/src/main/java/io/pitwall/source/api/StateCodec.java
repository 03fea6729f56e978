package io.pitwall.source.api;

/**
 * Encodes a source's watch state for the state topic, and reads it back.
 *
 * @param <S> the state type
 */
public interface StateCodec<S> {

  /** The state of a watch without a baseline. */
  S empty();

  /** The state as bytes. */
  byte[] encode(S state);

  /**
   * Reads a stored state.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a state
   */
  S decode(byte[] bytes);
}
