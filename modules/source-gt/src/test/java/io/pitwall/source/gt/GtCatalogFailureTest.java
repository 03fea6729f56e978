package io.pitwall.source.gt;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.source.common.NoBudgetShareException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Which gtgridstats catalog failures hold a GT Sport rating change back (the poll fails and the
 * next one detects it again with its names) and which let it go out without names. ZombieIT lost a
 * DR change this way: its instance owned no gtgridstats watch, so its share of that budget was 0,
 * every catalog lookup was refused, and every poll of the GT watch failed until the run ended.
 */
class GtCatalogFailureTest {

  @Test
  void shouldGoWithoutNamesWhenThisInstanceHasNoShareOfTheCatalogsBudget() {
    NoBudgetShareException noShare = new NoBudgetShareException("no share");

    assertThat(GtProfileSourcePoller.isPermanent(noShare)).isTrue();
    assertThat(GtProfileSourcePoller.isPermanent(new CompletionException(noShare)))
        .as("as it arrives from another verticle's future")
        .isTrue();
  }

  @Test
  void shouldRetryForNamesWhenTheCatalogIsOnlyBusyOrFailing() {
    assertThat(
            GtProfileSourcePoller.isPermanent(
                new UpstreamException(PollOutcome.RATE_LIMITED, "429", null)))
        .isFalse();
    assertThat(
            GtProfileSourcePoller.isPermanent(
                new UpstreamException(PollOutcome.UPSTREAM_ERROR, "503", null)))
        .isFalse();
    assertThat(
            GtProfileSourcePoller.isPermanent(
                new UpstreamException(PollOutcome.AUTH_EXPIRED, "bad key", null)))
        .isTrue();
  }
}
