package io.pitwall.source.example;

import static io.pitwall.source.api.config.SettingValidators.intRange;
import static io.pitwall.source.api.config.SettingValidators.positiveDuration;
import static io.pitwall.source.api.config.SettingValidators.url;

import io.pitwall.core.WatchKey;
import io.pitwall.core.WatchOption;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.events.BestLapImproved;
import io.pitwall.source.api.CredentialPool;
import io.pitwall.source.api.EventType;
import io.pitwall.source.api.PriorStates;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.SourcePlugin;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.StateCodec;
import io.pitwall.source.api.config.SettingValidators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The example source: a tiny lap-times API whose {@code GET /drivers/{id}/best-lap} answers {@code
 * {"driver":"x","track":"y","millis":83456}}; a faster best lap is a {@code BestLapImproved} event.
 * It exists to prove the plugin seam (one module and one registration line) and is never shipped.
 */
public final class ExamplePlugin implements SourcePlugin {

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

  static final String BASE_URL = "example.base.url";
  static final String BUDGET_REQUESTS = "example.budget.requests";
  static final String BUDGET_PERIOD = "example.budget.period";
  static final String TIMEOUT = "example.request.timeout";

  private static final Pattern DRIVER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final StateCodec<BestLapState> CODEC = new BestLapStateCodec();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "example lap-times API: a driver's best lap by driver id (test scope, never shipped)";
  }

  @Override
  public String accountIdProblem(String accountId) {
    return DRIVER_ID.matcher(accountId).matches()
        ? null
        : "'"
            + WatchKey.printable(accountId)
            + "' is not a lap-times driver id (1-32 lower-case letters, digits, '_' or '-',"
            + " starting with a letter or digit)";
  }

  @Override
  public List<WatchOption> options() {
    return List.of();
  }

  @Override
  public ConfigDef settings() {
    return new ConfigDef()
        .define(
            BASE_URL,
            Type.STRING,
            "http://localhost:8089",
            url(),
            Importance.MEDIUM,
            "Example lap-times API base URL.")
        .define(
            BUDGET_REQUESTS,
            Type.INT,
            60,
            intRange(1, 1_000_000),
            Importance.MEDIUM,
            "Example lap-times requests per budget period: no window of the period holds more.")
        .define(
            BUDGET_PERIOD,
            Type.STRING,
            "PT1M",
            positiveDuration(),
            Importance.MEDIUM,
            "Example lap-times budget period (ISO-8601 duration).")
        .define(
            TIMEOUT,
            Type.STRING,
            "PT10S",
            positiveDuration(),
            Importance.LOW,
            "Timeout of an example lap-times request.");
  }

  /** The API is open: no credentials, one pool member named default. */
  @Override
  public CredentialPool credentials() {
    return null;
  }

  @Override
  public List<EventType> eventTypes() {
    return List.of(BEST_LAP_IMPROVED);
  }

  @Override
  public StateCodec<?> stateCodec() {
    return CODEC;
  }

  /** One poller per pool member (the one default member), each with its own budget. */
  @Override
  public Map<String, SourcePoller> pollers(SourceContext context) {
    AbstractConfig config = context.config();
    PriorStates<BestLapState> states = new PriorStates<>(context.states(), CODEC);
    Map<String, SourcePoller> pollers = new LinkedHashMap<>();
    for (String name : context.credentials().keySet()) {
      TokenBucket budget =
          context.budget(
              name,
              config.getInt(BUDGET_REQUESTS),
              SettingValidators.duration(config.getString(BUDGET_PERIOD)));
      BestLapClient client =
          new BestLapClient(
              context.vertx(),
              context.webClient(),
              config.getString(BASE_URL),
              budget,
              context.clock(),
              SettingValidators.duration(config.getString(TIMEOUT)),
              context.listener(name));
      pollers.put(
          name, new ExampleSourcePoller(client, budget, states, context.topic(BEST_LAP_IMPROVED)));
    }
    return pollers;
  }
}
