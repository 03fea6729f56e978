package io.pitwall.app.engine;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.Source;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.gt.RatingScales;
import io.pitwall.events.EventType;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.source.common.RequestListener;
import io.pitwall.source.gridstats.GridstatsCatalog;
import io.pitwall.source.gridstats.GridstatsClient;
import io.pitwall.source.gridstats.GridstatsPoller;
import io.pitwall.source.gt.GtProfileClient;
import io.pitwall.source.gt.GtProfilePoller;
import io.pitwall.source.psn.PsnApiClient;
import io.pitwall.source.psn.PsnAuthenticator;
import io.pitwall.source.psn.PsnPoller;
import io.pitwall.source.psn.PsnSourceConfig;
import io.pitwall.source.psn.TitleCatalog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Builds each source's client, budget, metrics and poller from the configuration. */
final class SourceWiring {

  /** The one credential per source (until credential pools). */
  private static final String CREDENTIAL = "default";

  private final Vertx vertx;
  private final PitwallConfig config;
  private final Clock clock;
  private final PitwallMetrics metrics;
  private final KafkaStateStore states;
  private final WebClient http;

  SourceWiring(
      Vertx vertx,
      PitwallConfig config,
      Clock clock,
      PitwallMetrics metrics,
      KafkaStateStore states) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.metrics = metrics;
    this.states = states;
    this.http =
        WebClient.create(
            vertx, new WebClientOptions().setFollowRedirects(false).setUserAgent("pitwall"));
  }

  Map<Source, SourcePoller> pollers() {
    Map<Source, SourcePoller> pollers = new EnumMap<>(Source.class);
    String prefix = config.string(PitwallSettings.TOPIC_PREFIX);
    pollers.put(Source.PSN, psn(prefix));
    GtEvents gtEvents = new GtEvents(states, prefix);
    RatingScales scales =
        RatingScales.parse(
            config.string(PitwallSettings.GT_DRIVER_CLASSES),
            config.string(PitwallSettings.GT_SAFETY_THRESHOLDS));
    TokenBucket gtBudget =
        bucket("gt", PitwallSettings.GT_BUDGET_REQUESTS, PitwallSettings.GT_BUDGET_PERIOD);
    GtProfileClient gt =
        new GtProfileClient(
            vertx,
            http,
            config.string(PitwallSettings.GT_BASE_URL),
            gtBudget,
            Duration.ofSeconds(30),
            listener("gt"));
    TokenBucket gridBudget =
        bucket(
            "gridstats",
            PitwallSettings.GRIDSTATS_BUDGET_REQUESTS,
            PitwallSettings.GRIDSTATS_BUDGET_PERIOD);
    String key = config.string(PitwallSettings.GRIDSTATS_API_KEY);
    GridstatsClient grid =
        new GridstatsClient(
            vertx,
            http,
            config.string(PitwallSettings.GRIDSTATS_BASE_URL),
            key == null ? "" : key,
            gridBudget,
            clock,
            config.duration(PitwallSettings.GRIDSTATS_TIMEOUT),
            listener("gridstats"));
    GridstatsCatalog catalog =
        key == null ? null : new GridstatsCatalog(grid, "en", Duration.ofDays(1), clock);
    pollers.put(
        Source.GT,
        new GtProfileSourcePoller(new GtProfilePoller(gt, scales), gtBudget, gtEvents, catalog));
    pollers.put(
        Source.GRIDSTATS,
        new GridstatsSourcePoller(
            new GridstatsPoller(grid),
            gridBudget,
            gtEvents,
            config.integer(PitwallSettings.GRIDSTATS_BATCH_SIZE)));
    return pollers;
  }

  private SourcePoller psn(String prefix) {
    String npsso = config.string(PitwallSettings.PSN_NPSSO);
    PsnSourceConfig source =
        new PsnSourceConfig(
            config.string(PitwallSettings.PSN_BASE_URL),
            config.string(PitwallSettings.PSN_AUTH_BASE_URL),
            npsso == null ? "" : npsso,
            config.string(PitwallSettings.PSN_LANGUAGE),
            config.integer(PitwallSettings.PSN_PAGE_SIZE),
            800,
            Duration.ofSeconds(60));
    TokenBucket budget =
        bucket("psn", PitwallSettings.PSN_BUDGET_REQUESTS, PitwallSettings.PSN_BUDGET_PERIOD);
    PsnAuthenticator auth = new PsnAuthenticator(http, source, clock);
    PsnApiClient client =
        new PsnApiClient(vertx, http, source, auth, budget, clock, listener("psn"));
    metrics.credentialExpiry(
        "psn",
        CREDENTIAL,
        () -> {
          Instant expiry = auth.refreshTokenExpiresAt();
          return expiry == null ? -1 : Duration.between(clock.instant(), expiry).toSeconds();
        });
    return new PsnSourcePoller(
        new PsnPoller(client, new TitleCatalog(client, source.language()), source),
        budget,
        states,
        EventType.TROPHY_EARNED.topic(prefix));
  }

  /** Counts a source's requests, and its credential's 429s. */
  private RequestListener listener(String source) {
    metrics.rateLimited(source, CREDENTIAL, 0);
    return (endpoint, status, latency) -> {
      metrics.request(source, endpoint, status, latency);
      if (status == 429) {
        metrics.rateLimited(source, CREDENTIAL, 1);
      }
    };
  }

  private TokenBucket bucket(
      String source, io.pitwall.app.config.Setting requests, io.pitwall.app.config.Setting period) {
    TokenBucket bucket = new TokenBucket(clock, config.integer(requests), config.duration(period));
    metrics.budgetTokens(source, CREDENTIAL, bucket::available);
    return bucket;
  }
}
