package io.pitwall.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The adaptive ranking as it was before {@link Ranking} selected only the round's head: full sorts
 * of every tier, kept as the reference the optimised ranking must agree with.
 */
final class ReferenceRanking {

  private ReferenceRanking() {}

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

  /** At-risk watches by deadline, then never-polled ones by age, then by expected backlog. */
  static List<ScheduledWatch> adaptive(
      List<ScheduledWatch> eligible,
      List<ScheduledWatch> idle,
      CredentialState credential,
      int requests,
      Instant now) {
    Set<ScheduledWatch> isEligible = new HashSet<>(eligible);
    Set<ScheduledWatch> ranked = new LinkedHashSet<>();
    atRisk(idle, credential, requests, now).stream()
        .filter(isEligible::contains)
        .forEach(ranked::add);
    eligible.stream()
        .filter(e -> e.lastAttempt == null)
        .sorted(ScheduledWatch.ARRIVAL)
        .forEach(ranked::add);
    byBacklog(eligible.stream().filter(e -> !ranked.contains(e)).toList(), now)
        .forEach(ranked::add);
    return new ArrayList<>(ranked);
  }

  /** Most valuable first: highest expected backlog of undetected change. */
  static List<ScheduledWatch> byBacklog(List<ScheduledWatch> entries, Instant now) {
    Map<ScheduledWatch, Double> backlog = new HashMap<>();
    entries.forEach(e -> backlog.put(e, e.backlog(now)));
    return entries.stream()
        .sorted(Comparator.comparingDouble((ScheduledWatch e) -> backlog.get(e)).reversed())
        .toList();
  }

  /**
   * The watches whose staleness bound is at risk, earliest deadline first: sorted by deadline, the
   * k-th watch is reached after (k+1) polls; with {@code requests} tokens ready now and the
   * bucket's refill after that, at the credential's measured tokens per request (with a {@link
   * PollScheduler#COST_MARGIN}), a watch is at risk when that time comes within a twentieth of its
   * bound of its deadline. Every watch up to the last one at risk is returned, since all of them
   * must go first for that one to make it.
   */
  private static List<ScheduledWatch> atRisk(
      List<ScheduledWatch> idle, CredentialState credential, int requests, Instant now) {
    List<ScheduledWatch> byDeadline =
        idle.stream().sorted(Comparator.comparing(ScheduledWatch::deadline)).toList();
    double watchesPerSecond =
        credential.budget.refillPerSecond()
            * credential.batchSize
            / (PollScheduler.COST_MARGIN * credential.tokensPerRequest());
    double ready = (double) requests * credential.batchSize;
    int last = -1;
    for (int k = 0; k < byDeadline.size(); k++) {
      ScheduledWatch e = byDeadline.get(k);
      double reachedIn = Math.max(0, k + 1 - ready) / watchesPerSecond;
      double margin = e.max.toMillis() / 20_000.0;
      double left = Duration.between(now, e.deadline()).toMillis() / 1000.0;
      if (left <= reachedIn + margin) {
        last = k;
      }
    }
    return byDeadline.subList(0, last + 1);
  }
}
