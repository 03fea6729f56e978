package io.pitwall.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The orders in which {@link PollScheduler} offers a credential's eligible watches.
 *
 * <p>A round dispatches at most {@code requests × batch size} watches, so {@link #adaptive} returns
 * only that many of the ranking's head (all of it when fewer are eligible): the at-risk watches
 * need the full deadline order, but the never-polled and backlog tiers are selected with a bounded
 * heap instead of sorted, and each watch's deadline and backlog are computed once per round. Every
 * order breaks ties by the input order, as a stable sort does, so the head is exactly that of the
 * full ranking.
 */
final class Ranking {

  private Ranking() {}

  /** Least recently attempted first (never attempted first of all), the baseline. */
  static List<ScheduledWatch> roundRobin(List<ScheduledWatch> eligible) {
    return eligible.stream()
        .sorted(
            Comparator.comparing(
                    (ScheduledWatch e) -> e.lastAttempt,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.added))
        .toList();
  }

  /**
   * At-risk watches by deadline, then never-polled ones by age ({@link ScheduledWatch#ARRIVAL}),
   * then by expected backlog: the first {@code requests × batch size} of that ranking (all eligible
   * watches when fewer).
   *
   * @param eligible the eligible watches, a sub-list of {@code idle} in its order
   * @param idle the credential's watches neither in flight nor held
   */
  static List<ScheduledWatch> adaptive(
      List<ScheduledWatch> eligible,
      List<ScheduledWatch> idle,
      CredentialState credential,
      int requests,
      Instant now) {
    int wanted = (int) Math.min(eligible.size(), (long) requests * credential.batchSize);
    List<ScheduledWatch> ranked = new ArrayList<>(wanted);
    boolean[] isEligible = new boolean[idle.size()];
    boolean[] taken = new boolean[idle.size()];
    int e = 0;
    for (int i = 0; i < idle.size() && e < eligible.size(); i++) {
      if (idle.get(i) == eligible.get(e)) {
        isEligible[i] = true;
        e++;
      }
    }
    for (int i : atRisk(idle, credential, requests, now)) {
      if (ranked.size() == wanted) {
        return ranked;
      }
      if (isEligible[i]) {
        taken[i] = true;
        ranked.add(idle.get(i));
      }
    }
    int[] neverPolled =
        head(
            idle.size(),
            i -> isEligible[i] && !taken[i] && idle.get(i).lastAttempt == null,
            wanted - ranked.size(),
            (a, b) -> ScheduledWatch.ARRIVAL.compare(idle.get(a), idle.get(b)));
    for (int i : neverPolled) {
      taken[i] = true;
      ranked.add(idle.get(i));
    }
    double[] backlog = new double[idle.size()];
    for (int i = 0; i < idle.size(); i++) {
      if (isEligible[i] && !taken[i]) {
        backlog[i] = idle.get(i).backlog(now);
      }
    }
    for (int i :
        head(
            idle.size(),
            i -> isEligible[i] && !taken[i],
            wanted - ranked.size(),
            (a, b) -> Double.compare(backlog[b], backlog[a]))) {
      ranked.add(idle.get(i));
    }
    return ranked;
  }

  /**
   * The {@code limit} most valuable of the entries (highest expected backlog of undetected change)
   * most valuable first, ties in the entries' order, without sorting the rest.
   */
  static List<ScheduledWatch> topByBacklog(List<ScheduledWatch> entries, int limit, Instant now) {
    double[] backlog = new double[entries.size()];
    for (int i = 0; i < backlog.length; i++) {
      backlog[i] = entries.get(i).backlog(now);
    }
    List<ScheduledWatch> top = new ArrayList<>();
    for (int i :
        head(entries.size(), i -> true, limit, (a, b) -> Double.compare(backlog[b], backlog[a]))) {
      top.add(entries.get(i));
    }
    return top;
  }

  /** A test on an index. */
  private interface IndexFilter {
    boolean test(int index);
  }

  /**
   * The first {@code limit} of the indices below {@code n} that pass the filter, in the order of
   * {@code order} with ties by index (what a stable sort of them would put first), kept in a heap
   * of {@code limit} rather than sorted.
   */
  private static int[] head(int n, IndexFilter filter, int limit, Comparator<Integer> order) {
    if (limit <= 0) {
      return new int[0];
    }
    Comparator<Integer> total = order.thenComparingInt(i -> i);
    PriorityQueue<Integer> worstFirst =
        new PriorityQueue<>(Math.min(limit, 1024), total.reversed());
    for (int i = 0; i < n; i++) {
      if (!filter.test(i)) {
        continue;
      }
      if (worstFirst.size() < limit) {
        worstFirst.add(i);
      } else if (total.compare(i, worstFirst.peek()) < 0) {
        worstFirst.poll();
        worstFirst.add(i);
      }
    }
    int[] best = new int[worstFirst.size()];
    for (int k = best.length - 1; k >= 0; k--) {
      best[k] = worstFirst.poll();
    }
    return best;
  }

  /**
   * The indices (into {@code idle}) of the watches whose staleness bound is at risk, earliest
   * deadline first: sorted by deadline, the k-th watch is reached after (k+1) polls; with {@code
   * requests} tokens ready now and the bucket's refill after that, at the credential's measured
   * tokens per request (with a {@link PollScheduler#COST_MARGIN}), a watch is at risk when that
   * time comes within a twentieth of its bound of its deadline. Every watch up to the last one at
   * risk is returned, since all of them must go first for that one to make it.
   */
  private static int[] atRisk(
      List<ScheduledWatch> idle, CredentialState credential, int requests, Instant now) {
    int n = idle.size();
    Instant[] deadline = new Instant[n];
    Integer[] byDeadline = new Integer[n];
    for (int i = 0; i < n; i++) {
      deadline[i] = idle.get(i).deadline();
      byDeadline[i] = i;
    }
    Arrays.sort(byDeadline, (a, b) -> deadline[a].compareTo(deadline[b]));
    double watchesPerSecond =
        credential.budget.refillPerSecond()
            * credential.batchSize
            / (PollScheduler.COST_MARGIN * credential.tokensPerRequest());
    double ready = (double) requests * credential.batchSize;
    int last = -1;
    for (int k = 0; k < n; k++) {
      ScheduledWatch e = idle.get(byDeadline[k]);
      double reachedIn = Math.max(0, k + 1 - ready) / watchesPerSecond;
      double margin = e.max.toMillis() / 20_000.0;
      double left = Duration.between(now, deadline[byDeadline[k]]).toMillis() / 1000.0;
      if (left <= reachedIn + margin) {
        last = k;
      }
    }
    int[] atRisk = new int[last + 1];
    for (int k = 0; k <= last; k++) {
      atRisk[k] = byDeadline[k];
    }
    return atRisk;
  }
}
