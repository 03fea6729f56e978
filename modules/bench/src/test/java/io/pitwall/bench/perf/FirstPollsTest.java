package io.pitwall.bench.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.kafka.watches.WatchPartitioner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstPollsTest {

  private static final Instant START = Instant.parse("2026-12-03T08:00:00Z");

  /** Paths of a title-list request for accounts whose watches are on partitions 0, 1, 2 of 3. */
  private static List<String> onePerPartition() {
    List<String> paths = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      for (long id = 7_000_000_000_000_000_000L; ; id++) {
        if (WatchPartitioner.partition("psn:" + id, 3) == p) {
          paths.add("/api/trophy/v1/users/" + id + "/trophyTitles");
          break;
        }
      }
    }
    return paths;
  }

  @Test
  void aRequestPathNamesTheWatchItPolls() {
    assertThat(FirstPolls.watchKey("/api/trophy/v1/users/7000000000000000012/trophyTitles"))
        .isEqualTo("psn:7000000000000000012");
    assertThat(
            FirstPolls.watchKey(
                "/api/trophy/v1/users/42/npCommunicationIds/NPWR1_00/trophyGroups/all/trophies"))
        .isEqualTo("psn:42");
  }

  @Test
  void theIdentitysOwnAndTheAuthorisationRequestsNameNoWatch() {
    assertThat(FirstPolls.watchKey("/api/trophy/v1/users/me/trophyTitles")).isNull();
    assertThat(FirstPolls.watchKey("/api/authz/v3/oauth/token")).isNull();
    assertThat(FirstPolls.watchKey("/api/trophy/v1/npCommunicationIds/NPWR1_00/trophyGroups"))
        .isNull();
  }

  @Test
  void theFigureIsTheLastPartitionsFirstPoll() {
    List<String> paths = onePerPartition();
    FirstPolls polls = new FirstPolls(3, START);

    assertThat(polls.request(paths.get(0), START.plusSeconds(5))).isTrue();
    assertThat(polls.request(paths.get(0), START.plusSeconds(6))).isFalse();
    assertThat(polls.request("/api/trophy/v1/users/me/trophyTitles", START.plusSeconds(7)))
        .isFalse();
    assertThat(polls.request(paths.get(2), START.plusSeconds(8))).isTrue();
    assertThat(polls.complete()).isFalse();
    assertThat(polls.polled()).isEqualTo(2);
    assertThat(polls.request(paths.get(1), START.plusSeconds(12))).isTrue();

    assertThat(polls.complete()).isTrue();
    assertThat(polls.firstPoll()).isEqualTo(Duration.ofSeconds(5));
    assertThat(polls.lastPartition()).isEqualTo(Duration.ofSeconds(12));
    assertThat(polls.requests()).isEqualTo(4);
  }

  @Test
  void requestsAfterEveryPartitionWasPolledAreNotCounted() {
    List<String> paths = onePerPartition();
    FirstPolls polls = new FirstPolls(3, START);
    paths.forEach(p -> polls.request(p, START.plusSeconds(1)));

    assertThat(polls.request(paths.get(0), START.plusSeconds(2))).isFalse();
    assertThat(polls.requests()).isEqualTo(3);
  }

  @Test
  void anIncompleteRunHasNoFigure() {
    FirstPolls polls = new FirstPolls(3, START);
    polls.request(onePerPartition().get(1), START.plusSeconds(3));

    assertThatThrownBy(polls::lastPartition)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only 1 of 3 partitions");
  }
}
