package io.pitwall.core.schedule;

import io.pitwall.core.budget.TokenBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** One credential of a pool: its budget, batch size, requests in flight and measured cost. */
final class CredentialState {
  final String id;
  final String source;
  final TokenBucket budget;
  final int batchSize;
  final long takenAtStart;
  int inFlight;
  int watchCount;

  /**
   * The watches assigned to it, in the scheduler's order of addition, so that a round reads only
   * its own credential's watches.
   */
  final NavigableMap<Long, ScheduledWatch> members = new TreeMap<>();

  /** Its watches indexed for the adaptive mode; null in the modes that scan {@link #members}. */
  final CredentialIndex index;

  /** Its last requests all failed authentication: spread watches go to the live members. */
  boolean dead;

  long dispatched;

  CredentialState(String id, String source, TokenBucket budget, int batchSize) {
    this(id, source, budget, batchSize, null);
  }

  CredentialState(
      String id, String source, TokenBucket budget, int batchSize, CredentialIndex index) {
    this.index = index;
    this.id = id;
    this.source = source;
    this.budget = budget;
    this.batchSize = batchSize;
    this.takenAtStart = budget.taken();
  }

  /** Tokens a request has cost on average (requests that found a change cost more). */
  double tokensPerRequest() {
    if (dispatched < PollScheduler.COST_SAMPLE) {
      return PollScheduler.INITIAL_COST;
    }
    return Math.max(1.0, (budget.taken() - takenAtStart) / (double) dispatched);
  }

  /** The most valuable idle watches not yet ranked, to top up a short batch. */
  interface TopUp {
    List<ScheduledWatch> more(List<ScheduledWatch> ranked, int limit);
  }

  /**
   * Cuts the ranked watches into up to {@code requests} requests of up to the batch size, topping
   * up the last one with the most valuable other idle watches (they ride along for free), and marks
   * them in flight.
   */
  List<PollScheduler.Dispatch> dispatch(
      List<ScheduledWatch> ranked, List<ScheduledWatch> idle, int requests, Instant now) {
    return dispatch(
        ranked,
        (taken, limit) -> {
          Set<ScheduledWatch> in = new HashSet<>(taken);
          return Ranking.topByBacklog(
              idle.stream().filter(e -> !in.contains(e) && !e.inFlight).toList(), limit, now);
        },
        requests,
        now);
  }

  /** {@link #dispatch} with the top-up from {@code topUp}. */
  List<PollScheduler.Dispatch> dispatch(
      List<ScheduledWatch> ranked, TopUp topUp, int requests, Instant now) {
    List<PollScheduler.Dispatch> out = new ArrayList<>();
    int size = batchSize;
    int index = 0;
    for (int r = 0; r < requests && index < ranked.size(); r++) {
      List<ScheduledWatch> batch =
          new ArrayList<>(ranked.subList(index, Math.min(ranked.size(), index + size)));
      index += batch.size();
      if (batch.size() < size && index >= ranked.size()) {
        batch.addAll(topUp.more(ranked, size - batch.size()));
      }
      for (ScheduledWatch e : batch) {
        e.inFlight = true;
        e.lastAttempt = now;
      }
      inFlight++;
      dispatched++;
      out.add(new PollScheduler.Dispatch(id, batch.stream().map(e -> e.key).toList()));
    }
    return out;
  }
}
