package io.pitwall.source.gt;

import static io.pitwall.source.api.config.SettingValidators.parsedBy;

import io.pitwall.core.budget.TokenBucket;
import io.pitwall.gt.GtEventTypes;
import io.pitwall.gt.GtEvents;
import io.pitwall.gt.GtStateCodec;
import io.pitwall.gt.RatingScales;
import io.pitwall.source.api.AccountIdRule;
import io.pitwall.source.api.BasicSourcePlugin;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.config.SourceSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** GT Sport profiles by user_no: Driver and Safety Rating class changes. */
public final class GtProfilePlugin extends BasicSourcePlugin {

  /** The source id. */
  public static final String ID = "gt";

  private static final SourceSettings SETTINGS = new SourceSettings(ID);
  static final String DRIVER_CLASSES = SETTINGS.key("driver.classes");
  static final String SAFETY_THRESHOLDS = SETTINGS.key("safety.thresholds");

  private static final AccountIdRule USER_NO =
      AccountIdRule.of("[0-9]{1,12}", "a GT Sport user_no is a number");

  /** The plugin, as {@link java.util.ServiceLoader} creates it. */
  public GtProfilePlugin() {
    super(
        ID,
        "GT Sport profile API: Driver and Safety Rating classes by user_no",
        USER_NO,
        List.of(),
        null,
        GtEventTypes.RATINGS,
        GtStateCodec.CODEC);
  }

  @Override
  public ConfigDef settings() {
    ConfigDef definition =
        SETTINGS.baseUrl(
            new ConfigDef(),
            "https://www.gran-turismo.com/us/api/gt7sp",
            "GT Sport profile API base URL.");
    return SETTINGS
        .budget(
            definition,
            60,
            "PT1M",
            "GT Sport profile requests per budget period (be polite: the site publishes no"
                + " limit).",
            "GT Sport budget period.")
        .define(
            DRIVER_CLASSES,
            Type.STRING,
            "1=E,2=D,3=C,4=B,5=A,6=A+,7=S",
            parsedBy(
                v -> RatingScales.parse(v, RatingScales.DEFAULT_SAFETY_THRESHOLDS),
                "number=letter pairs"),
            Importance.LOW,
            "GT Sport driver_class number to Driver Rating letter.")
        .define(
            SAFETY_THRESHOLDS,
            Type.STRING,
            "S=80,A=65,B=40,C=20,D=10,E=0",
            parsedBy(
                v -> RatingScales.parse(RatingScales.DEFAULT_DRIVER_CLASSES, v),
                "letter=points pairs"),
            Importance.LOW,
            "Lowest manner_point of each Safety Rating letter.");
  }

  /**
   * One poller for the GT Sport site; rating events are named with the gtgridstats catalog when
   * that source shares one (a gtgridstats key is configured).
   */
  @Override
  public Map<String, SourcePoller> pollers(SourceContext context) {
    AbstractConfig config = context.config();
    RatingScales scales =
        RatingScales.parse(config.getString(DRIVER_CLASSES), config.getString(SAFETY_THRESHOLDS));
    String name = context.credentials().keySet().iterator().next();
    TokenBucket budget = SETTINGS.budget(context, name);
    GtProfileClient gt =
        new GtProfileClient(
            context.vertx(),
            context.webClient(),
            SETTINGS.baseUrl(config),
            budget,
            context.clock(),
            Duration.ofSeconds(30),
            context.listener(name));
    return Map.of(
        name,
        new GtProfileSourcePoller(
            new GtProfilePoller(gt, scales), budget, new GtEvents(context), context));
  }
}
