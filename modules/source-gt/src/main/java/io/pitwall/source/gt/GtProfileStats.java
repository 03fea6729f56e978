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
 * @param manufacturerId manufacturer_id (favourite manufacturer), or null
 * @param rideCarId the inner document's ride_car_id (current car), or null
 * @param stats the inner stats document (decoded from its JSON string)
 */
public record GtProfileStats(
    String userNo,
    int driverClass,
    long driverPoint,
    int mannerPoint,
    int raceCount,
    String driverPhotoId,
    Integer manufacturerId,
    Integer rideCarId,
    Map<String, Object> stats) {}
