package io.pitwall.source.example;

import io.pitwall.core.budget.TokenBucket;
import io.pitwall.events.BestLapImproved;
import io.pitwall.source.api.AccountIdRule;
import io.pitwall.source.api.BasicSourcePlugin;
import io.pitwall.source.api.EventType;
import io.pitwall.source.api.PriorStates;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.StateCodec;
import io.pitwall.source.api.config.SourceSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The example source: a tiny lap-times API whose {@code GET /drivers/{id}/best-lap} answers {@code
 * {"driver":"x","track":"y","millis":83456}}; a faster best lap is a {@code BestLapImproved} event.
 * It exists to prove the plugin seam (one module and one registration line) and is never shipped.
 */
public final class ExamplePlugin extends BasicSourcePlugin {

  /** The source id. */
  public static final String ID = "example";

  /** Its one event type. */
  public static final EventType BEST_LAP_IMPROVED =
      EventType.of(
          BestLapImproved.class,
          "example.best-lap-improved",
          e ->
              e.getTrack()
                  + " "
                  + BestLapImprovedMapper.lapTime(e.getLapMillis())
                  + (e.getPreviousLapMillis() == null
                      ? " (first on this track)"
                      : " (was " + BestLapImprovedMapper.lapTime(e.getPreviousLapMillis()) + ")"));

  private static final SourceSettings SETTINGS = new SourceSettings(ID);

  private static final AccountIdRule DRIVER_ID =
      AccountIdRule.of(
          "[a-z0-9][a-z0-9_-]{0,31}",
          "a lap-times driver id is 1-32 lower-case letters, digits, '_' or '-', starting with a"
              + " letter or digit");
  private static final StateCodec<BestLapState> CODEC = new BestLapStateCodec();

  /** The plugin, as {@link java.util.ServiceLoader} creates it. */
  public ExamplePlugin() {
    super(
        ID,
        "example lap-times API: a driver's best lap by driver id (test scope, never shipped)",
        DRIVER_ID,
        List.of(),
        null,
        List.of(BEST_LAP_IMPROVED),
        CODEC);
  }

  @Override
  public ConfigDef settings() {
    ConfigDef definition =
        SETTINGS.budget(
            SETTINGS.baseUrl(
                new ConfigDef(), "http://localhost:8089", "Example lap-times API base URL."),
            60,
            "PT1M",
            "Example lap-times requests per budget period: no window of the period holds more.",
            "Example lap-times budget period (ISO-8601 duration).");
    return SETTINGS.timeout(definition, "PT10S", "Timeout of an example lap-times request.");
  }

  /** One poller per pool member (the one default member), each with its own budget. */
  @Override
  public Map<String, SourcePoller> pollers(SourceContext context) {
    AbstractConfig config = context.config();
    PriorStates<BestLapState> states = new PriorStates<>(context.states(), CODEC);
    Map<String, SourcePoller> pollers = new LinkedHashMap<>();
    for (String name : context.credentials().keySet()) {
      TokenBucket budget = SETTINGS.budget(context, name);
      BestLapClient client =
          new BestLapClient(
              context.vertx(),
              context.webClient(),
              SETTINGS.baseUrl(config),
              budget,
              context.clock(),
              SETTINGS.timeout(config),
              context.listener(name));
      pollers.put(
          name, new ExampleSourcePoller(client, budget, states, context.topic(BEST_LAP_IMPROVED)));
    }
    return pollers;
  }
}
