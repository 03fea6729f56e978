package io.pitwall.source.example;

/**
 * One answer of {@code GET /drivers/{id}/best-lap}: the driver's best lap and its track.
 *
 * @param driver the driver id the API answered for
 * @param track the track of the best lap
 * @param millis the lap time in milliseconds, above zero
 */
public record BestLap(String driver, String track, long millis) {}
