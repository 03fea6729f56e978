package io.pitwall.gt;

/** How precise a source's ratings are: numeric points, or class letters only (GT7-era sources). */
public enum RatingPrecision {
  POINTS,
  LETTER
}
