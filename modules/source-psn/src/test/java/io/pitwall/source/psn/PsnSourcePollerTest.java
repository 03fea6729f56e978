package io.pitwall.source.psn;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PsnSourcePollerTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final Map<String, TitleState> TITLES =
      Map.of("NPWR1_00", new TitleState(T, 1, null), "NPWR2_00", new TitleState(T, 2, null));

  @Test
  void shouldDescribeAnInterruptedBaselineAsInProgressWithWhereItResumes() {
    PsnPollResult interrupted =
        new PsnPollResult(
            new PsnWatchState(null, TITLES, T, 800),
            List.of(),
            2,
            true,
            0,
            "PSN trophyTitles answered 503");

    assertThat(PsnSourcePoller.detail(interrupted, false, 0))
        .isEqualTo(
            "baseline in progress: 2 titles read, resuming at offset 800 next poll"
                + " (interrupted: PSN trophyTitles answered 503)");
    assertThat(PsnSourcePoller.detail(interrupted, true, 5))
        .startsWith("baseline in progress: 2 titles read, 5 earlier trophies backfilled");
  }

  @Test
  void shouldDescribeACompletedBaselineAndASteadyPoll() {
    PsnPollResult baseline =
        new PsnPollResult(new PsnWatchState(T, TITLES), List.of(), 1, true, 0, null);
    PsnPollResult steady =
        new PsnPollResult(new PsnWatchState(T, TITLES), List.of(), 1, false, 0, null);

    assertThat(PsnSourcePoller.detail(baseline, false, 0)).isEqualTo("baseline of 2 titles taken");
    assertThat(PsnSourcePoller.detail(steady, false, 3)).isEqualTo("3 new");
  }
}
