package io.pitwall.simulator.psn.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.simulator.psn.PsnWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BurstyPsnActivityTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void shouldBeHeavyTailedClusteredAndDeterministic() {
    int accounts = 2000;
    BurstyPsnActivity.Parameters p = BurstyPsnActivity.Parameters.defaults();
    BurstyPsnActivity activity =
        new BurstyPsnActivity(42, accounts, p, START, START.plus(Duration.ofDays(14)));

    Map<Integer, Long> earnsByAccount =
        activity.plan().stream()
            .collect(
                Collectors.groupingBy(
                    BurstyPsnActivity.PlannedEarn::account, Collectors.counting()));
    long total = activity.plan().size();
    long top5Percent =
        earnsByAccount.values().stream()
            .sorted((a, b) -> Long.compare(b, a))
            .limit(accounts / 20)
            .mapToLong(Long::longValue)
            .sum();
    assertThat((double) top5Percent / total)
        .as("a few very active accounts earn a large share")
        .isGreaterThan(0.25);
    assertThat(earnsByAccount.size())
        .as("many accounts stay quiet for two weeks")
        .isLessThan((int) (0.8 * accounts));
    double[] rates = IntStream.range(0, accounts).mapToDouble(activity::sessionsPerDay).toArray();
    assertThat(Arrays.stream(rates).min().orElseThrow())
        .isGreaterThanOrEqualTo(p.minSessionsPerDay());
    assertThat(Arrays.stream(rates).max().orElseThrow()).isLessThanOrEqualTo(p.maxSessionsPerDay());

    List<Instant> one =
        activity.plan().stream()
            .filter(e -> e.account() == earnsByAccount.keySet().iterator().next())
            .map(BurstyPsnActivity.PlannedEarn::at)
            .toList();
    long clustered =
        IntStream.range(1, one.size())
            .filter(
                i ->
                    Duration.between(one.get(i - 1), one.get(i)).compareTo(Duration.ofHours(2))
                        <= 0)
            .count();
    assertThat(clustered)
        .as("most earns follow another within a session")
        .isGreaterThan(one.size() / 2);

    BurstyPsnActivity again =
        new BurstyPsnActivity(42, accounts, p, START, START.plus(Duration.ofDays(14)));
    assertThat(again.plan()).isEqualTo(activity.plan());
  }

  @Test
  void shouldReplayIdenticallyIntoIdenticalWorlds() {
    PsnWorld a = PsnWorldGenerator.generate(7, 50, 60, 5, START);
    PsnWorld b = PsnWorldGenerator.generate(7, 50, 60, 5, START);
    int before = a.groundTruth().size();
    BurstyPsnActivity activity =
        new BurstyPsnActivity(
            9, 50, BurstyPsnActivity.Parameters.defaults(), START, START.plus(Duration.ofDays(5)));

    int earnedA = activity.applier(a).applyUntil(START.plus(Duration.ofDays(5)));
    int earnedB = activity.applier(b).applyUntil(START.plus(Duration.ofDays(5)));

    assertThat(earnedA).isPositive().isEqualTo(earnedB);
    assertThat(a.groundTruth().subList(before, a.groundTruth().size()))
        .isEqualTo(b.groundTruth().subList(before, b.groundTruth().size()));
  }
}
