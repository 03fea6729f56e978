package io.pitwall.source.psn;

import static io.pitwall.source.psn.ScenarioWorld.NEVER_SYNCED;
import static io.pitwall.source.psn.ScenarioWorld.PS4;
import static io.pitwall.source.psn.ScenarioWorld.PS5;
import static io.pitwall.source.psn.ScenarioWorld.WATCHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.simulator.RequestLog;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnFault;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.TrophyEarnedFact;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PsnPollerTest {

  private final SimClock clock = new SimClock();
  private final Vertx vertx = Vertx.vertx();
  private Simulator simulator;
  private PsnPoller poller;
  private TokenBucket budget;
  private PsnWorld world;

  void start(int fillerTitles, PsnSimulatorConfig config, String npsso) {
    world = ScenarioWorld.create(fillerTitles);
    simulator = Simulator.start(world, config, clock);
    WebClient http = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    PsnSourceConfig source =
        PsnSourceConfig.of(simulator.psnBaseUrl(), simulator.psnAuthBaseUrl(), npsso);
    budget = new TokenBucket(clock, 300, Duration.ofMinutes(15), 200);
    PsnApiClient client =
        new PsnApiClient(
            vertx,
            http,
            source,
            new PsnAuthenticator(http, source, clock),
            budget,
            clock,
            RequestListener.NONE);
    poller = new PsnPoller(client, new TitleCatalog(source.language()), source);
  }

  void start(int fillerTitles) {
    start(fillerTitles, PsnSimulatorConfig.defaults(), ScenarioWorld.WATCHED_NPSSO);
  }

  @AfterEach
  void stop() throws Exception {
    if (simulator != null) {
      simulator.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldTakeABaselineThatEmitsNothingAndCostsOneRequestPer800Titles() {
    start(1000);
    PsnPollResult baseline = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false));

    assertThat(baseline.baseline()).isTrue();
    assertThat(baseline.changes()).isEmpty();
    assertThat(baseline.next().titles()).hasSize(1002);
    assertThat(trophyRequests()).hasSize(2);
  }

  @Test
  void shouldCostExactlyOneRequestWhenNothingChanged() {
    start(50);
    PsnWatchState state = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();
    simulator.requestLog().clear();

    PsnPollResult steady = await(poller.poll(WATCHED, state, false));

    assertThat(steady.changes()).isEmpty();
    assertThat(trophyRequests()).hasSize(1);
    assertThat(trophyRequests().get(0).path()).endsWith("/trophyTitles");
    assertThat(steady.next()).isEqualTo(state);
  }

  @Test
  void shouldDetectExactlyTheScriptedEarnsWithTheirMetadata() {
    start(30);
    PsnWatchState state = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();
    int mark = world.groundTruth().size();
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    world.earn(WATCHED, PS5, 7, now.minusSeconds(30)); // DLC group 001
    world.earn(WATCHED, PS5, 3, now.minusSeconds(20)); // hidden
    world.earn(WATCHED, PS4, 2, now.minusSeconds(10)); // needs npServiceName=trophy
    world.sync(WATCHED, NEVER_SYNCED, now);

    PsnPollResult result = await(poller.poll(WATCHED, state, false));

    List<TrophyEarnedFact> truth = world.groundTruth().subList(mark, world.groundTruth().size());
    assertThat(result.changes())
        .extracting(
            c ->
                c.title().npCommunicationId()
                    + "#"
                    + c.trophy().trophyId()
                    + "@"
                    + c.earned().earnedAt())
        .containsExactlyElementsOf(
            truth.stream()
                .map(f -> f.npCommunicationId() + "#" + f.trophyId() + "@" + f.earnedAt())
                .toList());
    TrophyEarnedChange dlc = result.changes().get(0);
    assertThat(dlc.trophy().groupId()).isEqualTo("001");
    assertThat(dlc.trophy().groupName()).isEqualTo(PS5 + " DLC");
    assertThat(dlc.title().platform()).isEqualTo("PS5,PSPC");
    assertThat(result.changes().get(1).trophy().hidden()).isTrue();
    TrophyEarnedChange ps4 = result.changes().get(2);
    assertThat(ps4.title().serviceName()).isEqualTo("trophy");
    assertThat(ps4.trophy().name()).isEqualTo(PS4 + " trophy 2");
    assertThat(ps4.earned().earnedRate()).isEqualTo(7.5);
    assertThat(simulator.requestLog().matching(e -> e.path().contains(PS4)))
        .allMatch(e -> e.query().contains("npServiceName=trophy"));

    simulator.requestLog().clear();
    PsnPollResult again = await(poller.poll(WATCHED, result.next(), false));
    assertThat(again.changes()).isEmpty();
    assertThat(trophyRequests()).hasSize(1);
  }

  @Test
  void shouldFetchTitleMetadataOncePerTitleVersion() {
    start(5);
    PsnWatchState state = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();
    world.earn(WATCHED, PS5, 4, clock.instant());
    state = await(poller.poll(WATCHED, state, false)).next();
    world.earn(WATCHED, PS5, 5, clock.instant().plusSeconds(1));
    simulator.requestLog().clear();

    await(poller.poll(WATCHED, state, false));

    assertThat(trophyRequests())
        .extracting(RequestLog.Entry::path)
        .noneMatch(p -> p.startsWith("/api/trophy/v1/npCommunicationIds/"));
  }

  @Test
  void shouldBackfillEveryEarlierTrophyInEarnedOrderWhenAsked() {
    start(3);
    PsnPollResult result = await(poller.poll(WATCHED, PsnWatchState.EMPTY, true));

    assertThat(result.changes()).hasSize(world.groundTruth().size());
    assertThat(result.changes()).extracting(c -> c.earned().earnedAt()).isSorted();
  }

  @Test
  void shouldNameThePrivateAndUnknownAccountOutcomes() {
    start(0);
    assertOutcome(
        poller.poll(ScenarioWorld.PRIVATE, PsnWatchState.EMPTY, false), PollOutcome.PRIVATE);
    assertOutcome(
        poller.poll("4999999999999999999", PsnWatchState.EMPTY, false), PollOutcome.NOT_FOUND);
  }

  @Test
  void shouldNameARejectedNpssoAsAuthExpired() {
    start(0, PsnSimulatorConfig.defaults(), "wrong-npsso");
    assertOutcome(poller.poll(WATCHED, PsnWatchState.EMPTY, false), PollOutcome.AUTH_EXPIRED);
  }

  @Test
  void shouldRefreshAnExpiredAccessTokenWithoutFailingThePoll() {
    start(2);
    PsnWatchState state = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();
    clock.advance(Duration.ofSeconds(3700));
    simulator.requestLog().clear();

    await(poller.poll(WATCHED, state, false));

    assertThat(simulator.requestLog().matching(e -> e.path().endsWith("/token"))).hasSize(1);
    assertThat(simulator.requestLog().matching(e -> e.path().endsWith("/authorize"))).isEmpty();
  }

  @Test
  void shouldPauseTheBudgetUntilTheHintOn429() {
    start(
        2,
        PsnSimulatorConfig.defaults().withRateLimit(1, Duration.ofMinutes(15)),
        ScenarioWorld.WATCHED_NPSSO);
    PsnWatchState state = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();

    assertOutcome(poller.poll(WATCHED, state, false), PollOutcome.RATE_LIMITED);
    assertThat(budget.pausedUntil()).isAfter(clock.instant().plus(Duration.ofMinutes(14)));
  }

  @Test
  void shouldNotFloodTheHistoryAfterAnEmptyFirstAnswer() {
    start(3);
    simulator.psn().injectFaults(PsnFault.EMPTY_TITLE_LIST);

    PsnPollResult baseline = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false));
    PsnPollResult next = await(poller.poll(WATCHED, baseline.next(), false));

    assertThat(next.changes()).isEmpty();
    assertThat(baseline.next().titles()).hasSize(5);
  }

  @Test
  void shouldReadAShortFirstListAgainAndBaselineFromTheWholeOne() {
    start(1000);
    simulator.psn().injectFaults(PsnFault.SHORT_TITLE_LIST);

    PsnPollResult baseline = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false));

    assertThat(baseline.next().titles().size()).isEqualTo(1002);
    assertThat(trophyRequests())
        .extracting(RequestLog.Entry::query)
        .containsExactly("limit=800&offset=0", "limit=800&offset=0", "limit=800&offset=800");
    assertThat(await(poller.poll(WATCHED, baseline.next(), false)).changes()).isEmpty();
  }

  @Test
  void shouldTakeNoBaselineFromAListThatStaysShort() {
    start(30);
    simulator.psn().injectFaults(PsnFault.SHORT_TITLE_LIST, PsnFault.SHORT_TITLE_LIST);

    assertThatThrownBy(() -> await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)))
        .hasCauseInstanceOf(PsnException.class)
        .hasMessageContaining(
            "trophyTitles of "
                + WATCHED
                + " at offset 0 listed 16 of the 32 titles its totalItemCount 32 promises twice"
                + " in a row; no baseline taken from it; retrying next poll")
        .satisfies(e -> assertThat(((PsnException) e.getCause()).isRetriable()).isTrue());

    assertThat(await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next().titles()).hasSize(32);
  }

  @Test
  void shouldAskAgainBeforeBelievingThatAReadableListTurnedPrivate() {
    start(5);
    PsnWatchState state = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();
    simulator.psn().injectFaults(PsnFault.PRIVATE_TITLE_LIST);
    simulator.requestLog().clear();

    PsnPollResult result = await(poller.poll(WATCHED, state, false));

    assertThat(result.next()).isEqualTo(state);
    assertThat(trophyRequests()).extracting(RequestLog.Entry::status).containsExactly(403, 200);
  }

  @Test
  void shouldKeepKnownTrophiesWhenTheEarnedListIsTruncated() {
    start(3);
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    world.earn(WATCHED, PS5, 6, now.minusSeconds(600));
    PsnWatchState state = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();
    int mark = world.groundTruth().size();
    world.earn(WATCHED, PS5, 2, now.minusSeconds(60));
    simulator.psn().injectFaults(PsnFault.SHORT_EARNED_LIST);

    PsnPollResult first = await(poller.poll(WATCHED, state, false));
    world.earn(WATCHED, PS5, 4, now.minusSeconds(30));
    PsnPollResult second = await(poller.poll(WATCHED, first.next(), false));

    List<String> emitted = new java.util.ArrayList<>();
    first
        .changes()
        .forEach(c -> emitted.add(c.title().npCommunicationId() + "#" + c.trophy().trophyId()));
    second
        .changes()
        .forEach(c -> emitted.add(c.title().npCommunicationId() + "#" + c.trophy().trophyId()));
    assertThat(emitted)
        .containsExactlyElementsOf(
            world.groundTruth().subList(mark, world.groundTruth().size()).stream()
                .map(f -> f.npCommunicationId() + "#" + f.trophyId())
                .toList());
    assertThat(second.next().title(PS5).earnedIds()).containsExactlyInAnyOrder(1, 2, 4, 6);
  }

  @Test
  void shouldKeepTheCodeOfAMalformedAuthorizeRedirectOutOfEveryMessage() {
    start(2);
    simulator.psn().injectFaults(PsnFault.MALFORMED_AUTH_REDIRECT);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    Throwable failure;
    PsnPollResult retried;
    try {
      failure = catchThrowable(() -> await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)));
      retried = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false));
    } finally {
      root.detachAppender(logs);
    }

    StringWriter printed = new StringWriter();
    failure.printStackTrace(new PrintWriter(printed));
    for (ILoggingEvent event : logs.list) {
      printed.append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null) {
        printed.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    java.util.Set<String> codes = simulator.psn().tokens().issuedCodes();
    assertThat(codes).hasSize(2);
    assertThat(printed.toString()).doesNotContain(codes);
    assertThat(failure.getCause())
        .isInstanceOf(PsnException.class)
        .hasMessageStartingWith("PSN authorize redirect is not a valid URI (");
    assertThat(((PsnException) failure.getCause()).outcome()).isEqualTo(PollOutcome.UPSTREAM_ERROR);
    assertThat(retried.baseline()).isTrue();
  }

  @Test
  void shouldResumeABaselineInterruptedByA5xxWhereItStopped() {
    start(2000);
    simulator.psn().injectFaultsAfter(1, PsnFault.HTML_ERROR_PAGE);

    PsnPollResult interrupted = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false));

    assertThat(interrupted.baselineInProgress()).isTrue();
    assertThat(interrupted.next().titles()).hasSize(800);
    assertThat(interrupted.next().resumeAt()).isEqualTo(800);
    assertThat(interrupted.interruption()).contains("503");
    assertThat(interrupted.changes()).isEmpty();
    simulator.requestLog().clear();

    PsnPollResult resumed = await(poller.poll(WATCHED, interrupted.next(), false));

    assertThat(trophyRequests())
        .extracting(RequestLog.Entry::query)
        .containsExactly("limit=800&offset=800", "limit=800&offset=1600");
    assertThat(resumed.baselineInProgress()).isFalse();
    assertThat(resumed.next().baselined()).isTrue();
    assertThat(resumed.next().titles()).hasSize(2002);
    assertThat(resumed.changes()).isEmpty();
    int mark = world.groundTruth().size();
    world.earn(WATCHED, PS4, 3, clock.instant());
    PsnPollResult next = await(poller.poll(WATCHED, resumed.next(), false));
    assertThat(next.changes())
        .extracting(c -> c.title().npCommunicationId() + "#" + c.trophy().trophyId())
        .containsExactly(PS4 + "#3");
    assertThat(world.groundTruth()).hasSize(mark + 1);
  }

  @Test
  void shouldNotEmitTheHistoryOfATitleThatMovedAheadWhileTheBaselineWasInterrupted() {
    start(2000);
    simulator.psn().injectFaultsAfter(1, PsnFault.HTML_ERROR_PAGE);
    PsnWatchState interrupted = await(poller.poll(WATCHED, PsnWatchState.EMPTY, false)).next();
    String moved = "NPWR61500_00"; // on the third page when the baseline began
    world.earn(WATCHED, moved, 2, clock.instant());
    PsnWatchState resumed = await(poller.poll(WATCHED, interrupted, false)).next();

    PsnPollResult next = await(poller.poll(WATCHED, resumed, false));

    assertThat(next.changes())
        .extracting(c -> c.title().npCommunicationId() + "#" + c.trophy().trophyId())
        .containsExactly(moved + "#2");
  }

  @Test
  void shouldResumeABackfillInterruptedByA5xxWithoutReadingAgainWhatItRead() {
    start(6);
    simulator.psn().injectFaultsAfter(5, PsnFault.HTML_ERROR_PAGE);

    PsnPollResult interrupted = await(poller.poll(WATCHED, PsnWatchState.EMPTY, true));
    List<String> firstEarnedReads = earnedListReads();
    java.util.Set<String> diffedFirst =
        interrupted.next().titles().entrySet().stream()
            .filter(e -> e.getValue().earnedIds() != null)
            .map(java.util.Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toSet());
    simulator.requestLog().clear();

    PsnPollResult resumed = await(poller.poll(WATCHED, interrupted.next(), true));

    assertThat(interrupted.baselineInProgress()).isTrue();
    assertThat(interrupted.next().resumeAt()).isZero();
    assertThat(diffedFirst).isNotEmpty();
    assertThat(interrupted.changes()).isNotEmpty();
    assertThat(firstEarnedReads).isNotEmpty();
    assertThat(earnedListReads())
        .isNotEmpty()
        .noneMatch(p -> diffedFirst.stream().anyMatch(p::contains));
    assertThat(resumed.next().baselined()).isTrue();
    List<String> emitted = new java.util.ArrayList<>();
    java.util.stream.Stream.concat(interrupted.changes().stream(), resumed.changes().stream())
        .forEach(c -> emitted.add(c.title().npCommunicationId() + "#" + c.trophy().trophyId()));
    assertThat(emitted)
        .containsExactlyInAnyOrderElementsOf(
            world.groundTruth().stream()
                .map(f -> f.npCommunicationId() + "#" + f.trophyId())
                .toList());
  }

  private List<String> earnedListReads() {
    return trophyRequests().stream()
        .map(RequestLog.Entry::path)
        .filter(p -> p.contains("/users/") && p.endsWith("/trophies"))
        .toList();
  }

  private List<RequestLog.Entry> trophyRequests() {
    return simulator.requestLog().matching(e -> e.upstream().equals("psn"));
  }

  private static void assertOutcome(Future<?> future, PollOutcome outcome) {
    assertThatThrownBy(() -> await(future))
        .hasCauseInstanceOf(PsnException.class)
        .satisfies(e -> assertThat(((PsnException) e.getCause()).outcome()).isEqualTo(outcome));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
    }
  }
}
