package io.pitwall.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.MutableClock;
import io.pitwall.core.budget.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A round reads only its credential's own watches ({@code CredentialState.members}): after watches
 * are spread, re-assigned by name, moved off a dead credential and removed, every credential
 * dispatches exactly the watches {@link PollScheduler#credentialOf} gives it.
 */
class CredentialMembersTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  @ParameterizedTest
  @EnumSource(SchedulingMode.class)
  void shouldDispatchEachCredentialsOwnWatchesAfterMovesAndRemovals(SchedulingMode mode) {
    MutableClock clock = new MutableClock(T0);
    PollScheduler scheduler = new PollScheduler(mode, Duration.ofMinutes(1), Duration.ofHours(6));
    for (String id : List.of("psn/a", "psn/b", "psn/c")) {
      scheduler.addCredential(
          "psn", id, new TokenBucket(clock, 1_000, Duration.ofMinutes(15), 100), 1);
    }
    List<WatchKey> keys =
        IntStream.range(0, 30).mapToObj(i -> new WatchKey("psn", "account-" + i)).toList();
    keys.forEach(k -> scheduler.put(k, null, null, null, T0));
    scheduler.put(keys.get(0), "psn/c", null, null, T0);
    scheduler.put(keys.get(1), "psn/a", null, null, T0);
    scheduler.credentialDead("psn/b");
    scheduler.remove(keys.get(2));
    scheduler.remove(keys.get(3));
    scheduler.put(keys.get(3), null, null, null, T0);

    Map<String, Set<WatchKey>> expected = new HashMap<>();
    for (WatchKey key : keys) {
      String credential = scheduler.credentialOf(key);
      if (credential != null) {
        expected.computeIfAbsent(credential, c -> new HashSet<>()).add(key);
      }
    }
    Map<String, Set<WatchKey>> dispatched = new HashMap<>();
    for (PollScheduler.Dispatch d : scheduler.next(T0)) {
      dispatched.computeIfAbsent(d.credential(), c -> new HashSet<>()).addAll(d.watches());
    }

    assertThat(expected.keySet()).containsExactlyInAnyOrder("psn/a", "psn/c");
    assertThat(dispatched).isEqualTo(expected);
    assertThat(dispatched.values().stream().mapToInt(Set::size).sum()).isEqualTo(29);
  }
}
