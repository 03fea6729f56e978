package io.pitwall.gt;

import java.util.Objects;

/**
 * A driver's ratings as one poll saw them.
 *
 * @param drClass Driver Rating letter
 * @param drClassNumber the upstream's class number (GT Sport driver_class), or null
 * @param drPoints Driver Rating points, or null
 * @param srClass Safety Rating letter
 * @param srPoints Safety Rating points (manner_point), or null
 * @param precision whether the source gives points or letters only
 */
public record DriverSnapshot(
    String drClass,
    Integer drClassNumber,
    Long drPoints,
    String srClass,
    Integer srPoints,
    RatingPrecision precision) {

  public DriverSnapshot {
    Objects.requireNonNull(drClass, "drClass");
    Objects.requireNonNull(srClass, "srClass");
    Objects.requireNonNull(precision, "precision");
  }
}
