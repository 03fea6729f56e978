package io.pitwall.source.api;

/** The watches' last committed states, by watch key ({@code <source>:<accountId>}). */
public interface StateStore {

  /** The encoded state of a watch, or null when it has none (no baseline yet). */
  byte[] get(String key);
}
