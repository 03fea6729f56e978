package io.pitwall.source.gt;

import java.util.Map;

/**
 * Job 3 of the GT Sport profile API, parsed.
 *
 * @param userNo the profile
 * @param driverClass driver_class (number)
 * @param driverPoint driver_point
 * @param mannerPoint manner_point
 * @param raceCount race_count
 * @param driverPhotoId driver_photo_id, or null
 * @param stats the inner stats document (decoded from its JSON string)
 */
public record GtProfileStats(
    String userNo,
    int driverClass,
    long driverPoint,
    int mannerPoint,
    int raceCount,
    String driverPhotoId,
    Map<String, Object> stats) {}
