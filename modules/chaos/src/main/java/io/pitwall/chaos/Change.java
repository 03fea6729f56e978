package io.pitwall.chaos;

/**
 * One change of one watched value, in the terms the checker compares: the ground truth's changes
 * and the published events are both put in this form.
 *
 * @param key what changed, e.g. {@code psn:7000000000000000001 NPWR40003_00#4} or {@code
 *     gridstats:skino2024 round:1564:3}
 * @param from the value before ({@code unearned} for a trophy; null for a new round)
 * @param to the value after
 * @param eventId the event's id (null for ground truth)
 */
public record Change(String key, String from, String to, String eventId) {

  /** A ground-truth change (no event id). */
  public static Change truth(String key, String from, String to) {
    return new Change(key, from, to, null);
  }
}
