package io.pitwall.source.psn;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.simulator.RequestLog;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TrophyCounts;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TitleCatalogTest {

  private final SimClock clock = new SimClock();
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private Simulator simulator;
  private PsnApiClient client;

  @BeforeEach
  void start() {
    simulator = Simulator.start(ScenarioWorld.create(0), PsnSimulatorConfig.defaults(), clock);
    WebClient http = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    PsnSourceConfig source =
        PsnSourceConfig.of(
            simulator.psnBaseUrl(), simulator.psnAuthBaseUrl(), ScenarioWorld.WATCHED_NPSSO);
    client =
        new PsnApiClient(
            vertx,
            http,
            source,
            new PsnAuthenticator(http, source, clock),
            new TokenBucket(clock, 300, Duration.ofMinutes(15), 200),
            clock,
            RequestListener.NONE);
  }

  @AfterEach
  void stop() throws Exception {
    simulator.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldNotKeepAnAnswerOfAnotherTrophySetVersion() {
    TitleCatalog catalog = new TitleCatalog("en-US");
    TitleEntry stale = entry(ScenarioWorld.PS4, "trophy", "00.90");

    assertThat(PsnPollerTest.await(catalog.metadata(client, stale)).trophySetVersion())
        .isEqualTo("01.00");
    PsnPollerTest.await(catalog.metadata(client, stale));
    assertThat(metadataReads()).hasSize(2);

    PsnPollerTest.await(catalog.metadata(client, entry(ScenarioWorld.PS4, "trophy", "01.00")));
    assertThat(metadataReads()).hasSize(2);
  }

  @Test
  void shouldFetchATitleOnceAndHoldNoMoreTrophiesThanItsBound() {
    TitleCatalog catalog = new TitleCatalog("en-US", 10, ticker);
    TitleEntry ps5 = entry(ScenarioWorld.PS5, "trophy2", "01.00"); // 8 trophies
    TitleEntry ps4 = entry(ScenarioWorld.PS4, "trophy", "01.00"); // 6 trophies

    PsnPollerTest.await(catalog.metadata(client, ps5));
    PsnPollerTest.await(catalog.metadata(client, ps5));
    assertThat(metadataReads()).hasSize(1);
    assertThat(catalog.trophies()).isEqualTo(8);

    PsnPollerTest.await(catalog.metadata(client, ps4));

    assertThat(catalog.trophies()).isLessThanOrEqualTo(10);
    assertThat(catalog.size()).isEqualTo(1);
    assertThat(TitleCatalog.MAX_TROPHIES).isEqualTo(50_000);
  }

  @Test
  void shouldForgetATitleNobodyAskedForInADayAndAnyTitleAfterAWeek() {
    TitleCatalog catalog = new TitleCatalog("en-US", TitleCatalog.MAX_TROPHIES, ticker);
    TitleEntry ps4 = entry(ScenarioWorld.PS4, "trophy", "01.00");

    PsnPollerTest.await(catalog.metadata(client, ps4));
    advance(TitleCatalog.IDLE.minusMinutes(1));
    PsnPollerTest.await(catalog.metadata(client, ps4));
    assertThat(metadataReads()).hasSize(1);
    advance(TitleCatalog.IDLE.plusMinutes(1));
    PsnPollerTest.await(catalog.metadata(client, ps4));
    assertThat(metadataReads()).hasSize(2);

    for (Duration asked = Duration.ZERO;
        asked.compareTo(TitleCatalog.MAX_AGE) <= 0;
        asked = asked.plusHours(12)) {
      advance(Duration.ofHours(12));
      PsnPollerTest.await(catalog.metadata(client, ps4));
    }
    assertThat(metadataReads()).hasSize(3);
  }

  private void advance(Duration amount) {
    nanos.addAndGet(amount.toNanos());
  }

  private List<RequestLog.Entry> metadataReads() {
    return simulator
        .requestLog()
        .matching(
            e ->
                e.path()
                    .matches("/api/trophy/v1/npCommunicationIds/[^/]+/trophyGroups/all/trophies"));
  }

  private static TitleEntry entry(String id, String service, String version) {
    return new TitleEntry(
        id,
        service,
        version,
        "Title " + id,
        null,
        null,
        "PS4",
        false,
        Instant.parse("2026-01-01T00:00:00Z"),
        new TrophyCounts(1, 0, 0, 0),
        false);
  }
}
