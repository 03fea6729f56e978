package io.pitwall.bench;

import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;

/**
 * How far behind the compressed clock a scheduling benchmark run may fall and still give a verdict,
 * in virtual time (so a lower compression, which turns the same wall-time lag into less virtual
 * time, brings a run within them).
 *
 * @param ticksP99 an engine's scheduling rounds late at the 99th percentile: at most the time its
 *     bucket takes to refill its burst, beyond which a late round loses tokens to the bucket's cap
 * @param allowedBudgetUse the budget use the bucket allows: all but its burst
 * @param minBudgetUse the least budget use accepted: {@code allowedBudgetUse} less one point (a
 *     quiet run meets the allowed use exactly)
 * @param simulatorP99 an engine's requests to its simulator at the 99th percentile
 * @param brokerP99 from sending an event to Kafka to reading it, at the 99th percentile
 * @param activityP99 the benchmark's own loop feeding activity into the simulators: the time
 *     between two of its rounds at the 99th percentile (a change can wait that long to appear)
 */
record ValidityLimits(
    Duration ticksP99,
    double allowedBudgetUse,
    double minBudgetUse,
    Duration simulatorP99,
    Duration brokerP99,
    Duration activityP99) {

  /** The limits for engines on a budget of {@code budget} requests per {@code period}. */
  static ValidityLimits forBudget(int budget, Duration period) {
    int burst = TokenBucket.defaultBurst(budget);
    double allowed = (budget - burst) / (double) budget;
    Duration burstRefill = period.multipliedBy(burst).dividedBy(Math.max(1, budget - burst));
    return new ValidityLimits(
        burstRefill,
        allowed,
        allowed - 0.01,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }
}
