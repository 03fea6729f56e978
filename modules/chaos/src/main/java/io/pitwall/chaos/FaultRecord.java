package io.pitwall.chaos;

import java.time.Instant;

/**
 * A fault that happened.
 *
 * @param kind what it was
 * @param detail what exactly (target, duration), for the log
 * @param start when it began
 * @param end when it ended (the engine restarted, the broker was ready again, ...)
 */
public record FaultRecord(FaultKind kind, String detail, Instant start, Instant end) {}
