package io.pitwall.chaos;

/**
 * A fault of the plan.
 *
 * @param atSecond when it starts, in seconds after faults begin
 * @param kind what it is
 * @param seconds how long it lasts (0 for an instant fault)
 * @param upstream the upstream an HTTP fault hits ({@code psn}, {@code gt}, {@code gridstats}), or
 *     null for all; for a broker outage {@code kill} or {@code stop}
 * @param insideTransaction for a broker outage: time it to land inside an open transaction
 */
public record PlannedFault(
    double atSecond, FaultKind kind, double seconds, String upstream, boolean insideTransaction) {}
