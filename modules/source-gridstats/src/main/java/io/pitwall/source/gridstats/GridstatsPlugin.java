package io.pitwall.source.gridstats;

import static io.pitwall.source.api.config.SettingValidators.intRange;

import io.pitwall.core.WatchOption;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.gt.GtCatalog;
import io.pitwall.gt.GtEventTypes;
import io.pitwall.gt.GtEvents;
import io.pitwall.gt.GtStateCodec;
import io.pitwall.source.api.AccountIdRule;
import io.pitwall.source.api.BasicSourcePlugin;
import io.pitwall.source.api.CredentialPool;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.config.SourceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * gtgridstats drivers by PSN online id: Driver and Safety Rating changes and series rounds, up to
 * 16 drivers per metered request; its catalog names cars for the GT Sport profile source.
 */
public final class GridstatsPlugin extends BasicSourcePlugin {

  /** The source id. */
  public static final String ID = "gridstats";

  /** The series whose rounds a watch follows. */
  public static final WatchOption SERIES =
      WatchOption.idList("series", "[0-9]{1,10}", "the series whose rounds to follow");

  private static final SourceSettings SETTINGS = new SourceSettings(ID);
  static final String BATCH_SIZE = SETTINGS.key("batch.size");

  private static final AccountIdRule ONLINE_ID =
      AccountIdRule.of(
          "[A-Za-z][A-Za-z0-9_-]{2,15}",
          "a PSN online id is 3-16 letters, digits, '_' or '-', starting with a letter");

  /** The plugin, as {@link java.util.ServiceLoader} creates it. */
  public GridstatsPlugin() {
    super(
        ID,
        "gtgridstats API: GT drivers' ratings and series rounds by PSN online id",
        ONLINE_ID,
        List.of(SERIES),
        new CredentialPool(
            "gridstats.api.key",
            "Personal gtgridstats API key: the credential named default (a gridstats watch needs this"
                + " or a named one). Secret: never logged."),
        GtEventTypes.ALL,
        GtStateCodec.CODEC);
  }

  @Override
  public ConfigDef settings() {
    ConfigDef definition =
        SETTINGS.budget(
            SETTINGS.baseUrl(
                new ConfigDef(), "https://gtgridstats.com", "gtgridstats API base URL."),
            1000,
            "P1D",
            "gtgridstats metered requests per budget period (the quota headers cap it).",
            "gtgridstats budget period.");
    return SETTINGS
        .timeout(
            definition,
            "PT90S",
            "Timeout of a gtgridstats request; a batch of 16 new drivers takes ~48 s.")
        .define(
            BATCH_SIZE,
            Type.INT,
            16,
            intRange(1, 16),
            Importance.LOW,
            "Drivers per racers request (the API's maximum is 16).");
  }

  /**
   * One poller per key, each with its own client and budget; the catalog is shared by the key pool
   * and fetched through any member that answers (a revoked or hung key fails over to the next).
   */
  @Override
  public Map<String, SourcePoller> pollers(SourceContext context) {
    AbstractConfig config = context.config();
    GtEvents events = new GtEvents(context);
    List<GridstatsClient> catalogMembers = new ArrayList<>();
    Map<String, SourcePoller> pollers = new LinkedHashMap<>();
    context
        .credentials()
        .forEach(
            (name, key) -> {
              TokenBucket budget = SETTINGS.budget(context, name);
              GridstatsClient grid =
                  new GridstatsClient(
                      context.vertx(),
                      context.webClient(),
                      SETTINGS.baseUrl(config),
                      key,
                      budget,
                      context.clock(),
                      SETTINGS.timeout(config),
                      context.listener(name));
              if (!key.isEmpty()) {
                catalogMembers.add(grid);
              }
              pollers.put(
                  name,
                  new GridstatsSourcePoller(
                      new GridstatsPoller(grid), budget, events, config.getInt(BATCH_SIZE)));
            });
    if (!catalogMembers.isEmpty()) {
      context.share(
          GtCatalog.class,
          new GridstatsCatalog(catalogMembers, "en", Duration.ofDays(1), context.clock()));
    }
    return pollers;
  }
}
