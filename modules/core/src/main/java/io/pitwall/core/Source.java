package io.pitwall.core;

import java.util.Locale;

/**
 * The upstream a watch reads from. The lower-case {@link #id()} is what appears in topic keys
 * ({@code <source>:<accountId>}), in events and in configuration.
 */
public enum Source {
  /** PlayStation Network Trophy API v2. */
  PSN,
  /** Gran Turismo Sport profile API. */
  GT,
  /** The gtgridstats API. */
  GRIDSTATS;

  /** The lower-case identifier used on the wire: {@code psn}, {@code gt} or {@code gridstats}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire identifier.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code id} is not one of them
   */
  public static Source fromId(String id) {
    for (Source source : values()) {
      if (source.id().equals(id)) {
        return source;
      }
    }
    throw new IllegalArgumentException(
        "Unknown source '" + id + "': expected one of psn, gt, gridstats");
  }
}
