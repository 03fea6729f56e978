package io.pitwall.simulator.gt;

import java.time.Instant;

/**
 * Ground truth: the simulator changed something about a driver.
 *
 * @param api {@code gt} (profile API, key user_no) or {@code gridstats} (key PSN id)
 * @param driver the driver's key
 * @param field {@code dr}, {@code sr} or {@code round:<series>:<no>}
 * @param before the value before (letter, or points/counted for rounds), null when new
 * @param after the value after
 * @param at when it happened
 */
public record GtFact(
    String api, String driver, String field, String before, String after, Instant at) {}
