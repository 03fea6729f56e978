package io.pitwall.simulator.psn.activity;

import io.pitwall.simulator.psn.LocalizedText;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.TitleDef;
import io.pitwall.simulator.psn.TrophyDef;
import io.pitwall.simulator.psn.TrophyGroupDef;
import io.pitwall.simulator.psn.TrophyType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scripted PSN scenario of the end-to-end and crash tests: one watched account with history, a
 * PS5/PC title with a DLC group and hidden trophies, a PS4 title (its calls need {@code
 * npServiceName=trophy}), a title the account has never synced (it starts playing mid-scenario),
 * and filler titles so that the list spans pages.
 */
public final class TrophyScenarios {

  /** The watched account. */
  public static final String ACCOUNT = "5000000000000000001";

  /** Its npsso. */
  public static final String NPSSO = "e2e-npsso-7c1d55a0b4";

  /** A PS5/PC title with DLC group 001 (trophies 8, 9) and hidden trophies (3, 7). */
  public static final String PS5 = "NPWR80001_00";

  /** A PS4 title. */
  public static final String PS4 = "NPWR80002_00";

  /** A title the account has never synced at the start. */
  public static final String NEW_TITLE = "NPWR80003_00";

  private TrophyScenarios() {}

  /** The world at the scenario's start. */
  public static PsnWorld world(Instant history) {
    PsnWorld world = new PsnWorld();
    world.addTitle(title(PS5, "trophy2", "PS5,PSPC", 10, true));
    world.addTitle(title(PS4, "trophy", "PS4", 8, false));
    world.addTitle(title(NEW_TITLE, "trophy2", "PS5", 6, false));
    world.addAccount(ACCOUNT, "scenario", NPSSO, "en");
    for (int i = 0; i < 45; i++) {
      String id = String.format("NPWR8%04d_01", i);
      world.addTitle(
          title(
              id, i % 3 == 0 ? "trophy" : "trophy2", i % 3 == 0 ? "PS4,PSVITA" : "PS5", 4, false));
      world.earn(ACCOUNT, id, 1, history.minus(Duration.ofDays(60 + i)));
    }
    world.earn(ACCOUNT, PS5, 1, history.minus(Duration.ofDays(2)));
    world.earn(ACCOUNT, PS4, 1, history.minus(Duration.ofDays(3)));
    return world;
  }

  /** Round one: new trophies in the PS5 title (one hidden, one DLC) and the PS4 title. */
  public static PsnScenario roundOne() {
    return new PsnScenario()
        .earn(Duration.ofSeconds(0), ACCOUNT, PS5, 2)
        .earn(Duration.ofSeconds(1), ACCOUNT, PS5, 3)
        .earn(Duration.ofSeconds(2), ACCOUNT, PS5, 8)
        .earn(Duration.ofSeconds(3), ACCOUNT, PS4, 4);
  }

  /** Round two: the account starts a new title and earns in it, and earns more DLC. */
  public static PsnScenario roundTwo() {
    return new PsnScenario()
        .sync(Duration.ofSeconds(0), ACCOUNT, NEW_TITLE)
        .earn(Duration.ofSeconds(1), ACCOUNT, NEW_TITLE, 0)
        .earn(Duration.ofSeconds(2), ACCOUNT, NEW_TITLE, 5)
        .earn(Duration.ofSeconds(3), ACCOUNT, PS5, 9)
        .earn(Duration.ofSeconds(4), ACCOUNT, PS4, 7);
  }

  /** Round three: a few more across titles. */
  public static PsnScenario roundThree() {
    return new PsnScenario()
        .earn(Duration.ofSeconds(0), ACCOUNT, PS4, 2)
        .earn(Duration.ofSeconds(1), ACCOUNT, PS5, 7)
        .earn(Duration.ofSeconds(2), ACCOUNT, NEW_TITLE, 3);
  }

  static TitleDef title(String id, String service, String platform, int trophies, boolean dlc) {
    boolean legacy = service.equals("trophy");
    List<TrophyDef> list = new ArrayList<>();
    for (int i = 0; i < trophies; i++) {
      TrophyType type =
          i == 0
              ? TrophyType.PLATINUM
              : i % 4 == 2 ? TrophyType.GOLD : i % 3 == 0 ? TrophyType.SILVER : TrophyType.BRONZE;
      list.add(
          new TrophyDef(
              i,
              i == 3 || i == 7,
              type,
              dlc && i >= trophies - 2 ? "001" : "default",
              Map.of(
                  "en",
                  new LocalizedText(id + " trophy " + i, "Do thing " + i + " in " + id),
                  "de",
                  new LocalizedText(id + " Trophäe " + i, "Tu Ding " + i)),
              "https://psnobj.prod.dl.playstation.net/psnobj/" + id + "/" + i + ".png",
              !legacy && i == 5 ? "10" : null,
              !legacy && i == 1 ? "Profile Avatar" : null,
              !legacy && i == 1
                  ? "https://psnobj.prod.dl.playstation.net/psnobj/" + id + "/reward.png"
                  : null,
              i % 4,
              (3 + i * 7) + ".2"));
    }
    List<TrophyGroupDef> groups =
        new ArrayList<>(
            List.of(
                new TrophyGroupDef(
                    "default",
                    "Title " + id,
                    legacy ? "Base game" : null,
                    "https://psnobj/" + id + "/g0.png")));
    if (dlc) {
      groups.add(
          new TrophyGroupDef(
              "001",
              "Title " + id + " Expansion",
              legacy ? "Expansion" : null,
              "https://psnobj/" + id + "/g1.png"));
    }
    return new TitleDef(
        id,
        service,
        "01.00",
        "Title " + id,
        legacy ? "Title " + id + " Trophy Set" : null,
        "https://psnobj/" + id + "/icon.png",
        platform,
        groups,
        list,
        List.of());
  }
}
