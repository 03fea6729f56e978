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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds each source's client, budget, metrics and poller from the configuration. */
final class SourceWiring {

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

  /**
   * One poller per credential, by credential id ({@code <source>/<name>}): each PSN identity and
   * each gtgridstats key with its own client and budget; one GT Sport site. Title metadata (PSN) is
   * one cache for the whole pool, fetched through the client of the member doing the poll; the
   * gtgridstats catalog is shared by the key pool and fetched through any member that answers (a
   * revoked or hung key fails over to the next).
   */
  Map<String, SourcePoller> pollers() {
    Map<String, SourcePoller> pollers = new LinkedHashMap<>();
    String prefix = config.string(PitwallSettings.TOPIC_PREFIX);
    // one cache for the pool, each member fetching through its own client: a dead or paused
    // member never fails another's poll
    TitleCatalog titles = new TitleCatalog(config.string(PitwallSettings.PSN_LANGUAGE));
    for (Map.Entry<String, String> npsso : psnCredentials().entrySet()) {
      PsnSource psn = psn(npsso.getKey(), npsso.getValue());
      pollers.put(
          WatchScheduler.credentialId(Source.PSN, npsso.getKey()),
          new PsnSourcePoller(
              new PsnPoller(psn.client(), titles, psn.config()),
              psn.budget(),
              states,
              EventType.TROPHY_EARNED.topic(prefix)));
    }
    GtEvents gtEvents = new GtEvents(states, prefix);
    List<GridstatsClient> catalogMembers = new ArrayList<>();
    for (Map.Entry<String, String> key : gridstatsKeys().entrySet()) {
      TokenBucket budget =
          bucket(
              "gridstats",
              key.getKey(),
              PitwallSettings.GRIDSTATS_BUDGET_REQUESTS,
              PitwallSettings.GRIDSTATS_BUDGET_PERIOD);
      GridstatsClient grid =
          new GridstatsClient(
              vertx,
              http,
              config.string(PitwallSettings.GRIDSTATS_BASE_URL),
              key.getValue(),
              budget,
              clock,
              config.duration(PitwallSettings.GRIDSTATS_TIMEOUT),
              listener("gridstats", key.getKey()));
      if (!key.getValue().isEmpty()) {
        catalogMembers.add(grid);
      }
      pollers.put(
          WatchScheduler.credentialId(Source.GRIDSTATS, key.getKey()),
          new GridstatsSourcePoller(
              new GridstatsPoller(grid),
              budget,
              gtEvents,
              config.integer(PitwallSettings.GRIDSTATS_BATCH_SIZE)));
    }
    GridstatsCatalog catalog =
        catalogMembers.isEmpty()
            ? null
            : new GridstatsCatalog(catalogMembers, "en", Duration.ofDays(1), clock);
    RatingScales scales =
        RatingScales.parse(
            config.string(PitwallSettings.GT_DRIVER_CLASSES),
            config.string(PitwallSettings.GT_SAFETY_THRESHOLDS));
    TokenBucket gtBudget =
        bucket(
            "gt",
            PitwallConfig.DEFAULT_CREDENTIAL,
            PitwallSettings.GT_BUDGET_REQUESTS,
            PitwallSettings.GT_BUDGET_PERIOD);
    GtProfileClient gt =
        new GtProfileClient(
            vertx,
            http,
            config.string(PitwallSettings.GT_BASE_URL),
            gtBudget,
            clock,
            Duration.ofSeconds(30),
            listener("gt", PitwallConfig.DEFAULT_CREDENTIAL));
    pollers.put(
        WatchScheduler.credentialId(Source.GT, PitwallConfig.DEFAULT_CREDENTIAL),
        new GtProfileSourcePoller(new GtProfilePoller(gt, scales), gtBudget, gtEvents, catalog));
    return pollers;
  }

  /** The credential names of each source, from the pollers by credential id. */
  static Map<Source, java.util.Set<String>> credentialNames(Map<String, SourcePoller> pollers) {
    Map<Source, java.util.Set<String>> names = new java.util.EnumMap<>(Source.class);
    pollers.forEach(
        (id, poller) ->
            names
                .computeIfAbsent(poller.source(), s -> new java.util.TreeSet<>())
                .add(id.substring(id.indexOf('/') + 1)));
    return names;
  }

  /** The PSN pool; without any npsso, one default member (whose sign-in fails, by name). */
  private Map<String, String> psnCredentials() {
    Map<String, String> pool = config.credentials(Source.PSN);
    return pool.isEmpty() ? Map.of(PitwallConfig.DEFAULT_CREDENTIAL, "") : pool;
  }

  private Map<String, String> gridstatsKeys() {
    Map<String, String> pool = config.credentials(Source.GRIDSTATS);
    return pool.isEmpty() ? Map.of(PitwallConfig.DEFAULT_CREDENTIAL, "") : pool;
  }

  private record PsnSource(PsnSourceConfig config, PsnApiClient client, TokenBucket budget) {}

  private PsnSource psn(String name, String npsso) {
    PsnSourceConfig source =
        new PsnSourceConfig(
            config.string(PitwallSettings.PSN_BASE_URL),
            config.string(PitwallSettings.PSN_AUTH_BASE_URL),
            npsso,
            config.string(PitwallSettings.PSN_LANGUAGE),
            config.integer(PitwallSettings.PSN_PAGE_SIZE),
            800,
            Duration.ofSeconds(60));
    TokenBucket budget =
        bucket("psn", name, PitwallSettings.PSN_BUDGET_REQUESTS, PitwallSettings.PSN_BUDGET_PERIOD);
    PsnAuthenticator auth = new PsnAuthenticator(http, source, clock);
    PsnApiClient client =
        new PsnApiClient(vertx, http, source, auth, budget, clock, listener("psn", name));
    metrics.credentialExpiry(
        "psn",
        name,
        () -> {
          Instant expiry = auth.refreshTokenExpiresAt();
          return expiry == null ? -1 : Duration.between(clock.instant(), expiry).toSeconds();
        });
    return new PsnSource(source, client, budget);
  }

  /** Counts a source's requests, its credential's 429s, and its unreadable quota headers. */
  private RequestListener listener(String source, String credential) {
    metrics.rateLimited(source, credential, 0);
    return new RequestListener() {
      @Override
      public void onRequest(String endpoint, int status, java.time.Duration latency) {
        metrics.request(source, endpoint, status, latency);
        if (status == 429) {
          metrics.rateLimited(source, credential, 1);
        }
      }

      @Override
      public void onQuotaHeadersUnreadable(String endpoint, List<String> headers) {
        metrics.quotaHeadersUnreadable(source);
      }
    };
  }

  private TokenBucket bucket(
      String source,
      String credential,
      io.pitwall.app.config.Setting requests,
      io.pitwall.app.config.Setting period) {
    TokenBucket bucket = new TokenBucket(clock, config.integer(requests), config.duration(period));
    metrics.budgetTokens(source, credential, bucket::available);
    return bucket;
  }
}
