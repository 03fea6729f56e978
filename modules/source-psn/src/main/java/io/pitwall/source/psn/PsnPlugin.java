package io.pitwall.source.psn;

import static io.pitwall.source.api.config.SettingValidators.intRange;
import static io.pitwall.source.api.config.SettingValidators.nonBlank;
import static io.pitwall.source.api.config.SettingValidators.url;

import io.pitwall.core.WatchOption;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.events.TrophyEarned;
import io.pitwall.source.api.AccountIdRule;
import io.pitwall.source.api.BasicSourcePlugin;
import io.pitwall.source.api.CredentialPool;
import io.pitwall.source.api.EventType;
import io.pitwall.source.api.PriorStates;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.config.SourceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** PlayStation Network trophies: one watch per PSN account, TrophyEarned events. */
public final class PsnPlugin extends BasicSourcePlugin {

  /** The source id. */
  public static final String ID = "psn";

  /** The event it publishes. */
  public static final EventType TROPHY_EARNED =
      EventType.of(
          TrophyEarned.class,
          "psn.trophy-earned",
          t ->
              String.format(
                  java.util.Locale.ROOT,
                  "\"%s\" [%s] %s %s \"%s\"%s%s earned %s",
                  t.getTitleName(),
                  t.getTitlePlatform(),
                  t.getTrophyType(),
                  t.getNpCommunicationId() + "#" + t.getTrophyId(),
                  t.getTrophyName(),
                  t.getTrophyHidden() ? " (hidden)" : "",
                  t.getTrophyEarnedRate() == null
                      ? ""
                      : String.format(
                          java.util.Locale.ROOT, " %.1f%% of players", t.getTrophyEarnedRate()),
                  t.getEnvelope().getEventTime()));

  /** Whether the first poll emits every earlier trophy (in earned order) instead of a baseline. */
  public static final WatchOption BACKFILL =
      WatchOption.flag(
          "backfill",
          "the first poll emits every earlier trophy, in earned order, instead of taking a silent"
              + " baseline");

  private static final SourceSettings SETTINGS = new SourceSettings(ID);
  static final String AUTH_BASE_URL = SETTINGS.key("auth.base.url");
  static final String LANGUAGE = SETTINGS.key("language");
  static final String PAGE_SIZE = SETTINGS.key("page.size");

  private static final AccountIdRule ACCOUNT_ID =
      AccountIdRule.of("me|[0-9]{1,20}", "a PSN account id is 'me' or a number");

  /** The plugin, as {@link java.util.ServiceLoader} creates it. */
  public PsnPlugin() {
    super(
        ID,
        "PlayStation Network Trophy API v2: trophies earned by PSN accounts",
        ACCOUNT_ID,
        List.of(BACKFILL),
        new CredentialPool(
            "psn.npsso",
            "npsso cookie of the PSN account Pitwall signs in with: the credential named default (a"
                + " PSN watch needs this or a named one). Secret: never logged."),
        List.of(TROPHY_EARNED),
        PsnStateCodec.CODEC);
  }

  /** {@code psn:me} is the signed-in identity's own account: it uses the {@code default} one. */
  @Override
  public String impliedCredential(String accountId) {
    return accountId.equals("me") ? CredentialPool.DEFAULT_MEMBER : null;
  }

  @Override
  public ConfigDef settings() {
    ConfigDef definition =
        SETTINGS.baseUrl(
            new ConfigDef(), "https://m.np.playstation.com/api/trophy", "PSN Trophy API base URL.");
    return SETTINGS
        .budget(
            definition,
            300,
            "PT15M",
            "PSN requests allowed per budget period for the credential (a 429's"
                + " X-RateLimit-Next-Available overrides).",
            "PSN budget period (ISO-8601 duration).")
        .define(
            AUTH_BASE_URL,
            Type.STRING,
            "https://ca.account.sony.com/api/authz/v3/oauth",
            url(),
            Importance.MEDIUM,
            "PSN OAuth base URL.")
        .define(
            LANGUAGE,
            Type.STRING,
            "en-US",
            nonBlank(),
            Importance.LOW,
            "Accept-Language for trophy names and descriptions.")
        .define(
            PAGE_SIZE,
            Type.INT,
            20,
            intRange(1, 800),
            Importance.LOW,
            "Titles per trophyTitles page in steady state (baselines use 800).");
  }

  /**
   * One poller per PSN identity, each with its own client and budget; title metadata is one cache
   * for the whole pool, fetched through the client of the member doing the poll, so that a dead or
   * paused member never fails another's poll.
   */
  @Override
  public Map<String, SourcePoller> pollers(SourceContext context) {
    AbstractConfig config = context.config();
    TitleCatalog titles = new TitleCatalog(config.getString(LANGUAGE));
    PriorStates<io.pitwall.source.psn.diff.PsnWatchState> states =
        new PriorStates<>(context.states(), PsnStateCodec.CODEC);
    Map<String, SourcePoller> pollers = new LinkedHashMap<>();
    context
        .credentials()
        .forEach(
            (name, npsso) -> {
              PsnSourceConfig source =
                  new PsnSourceConfig(
                      SETTINGS.baseUrl(config),
                      config.getString(AUTH_BASE_URL),
                      npsso,
                      config.getString(LANGUAGE),
                      config.getInt(PAGE_SIZE),
                      800,
                      Duration.ofSeconds(60));
              TokenBucket budget = SETTINGS.budget(context, name);
              PsnAuthenticator auth =
                  new PsnAuthenticator(context.webClient(), source, context.clock());
              PsnApiClient client =
                  new PsnApiClient(
                      context.vertx(),
                      context.webClient(),
                      source,
                      auth,
                      budget,
                      context.clock(),
                      context.listener(name));
              context.credentialExpiry(
                  name,
                  () -> {
                    Instant expiry = auth.refreshTokenExpiresAt();
                    return expiry == null
                        ? -1
                        : Duration.between(context.clock().instant(), expiry).toSeconds();
                  });
              pollers.put(
                  name,
                  new PsnSourcePoller(
                      new PsnPoller(client, titles, source),
                      budget,
                      states,
                      context.topic(TROPHY_EARNED)));
            });
    return pollers;
  }
}
