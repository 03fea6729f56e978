package io.pitwall.source.psn;

import io.pitwall.simulator.psn.LocalizedText;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.TitleDef;
import io.pitwall.simulator.psn.TrophyDef;
import io.pitwall.simulator.psn.TrophyGroupDef;
import io.pitwall.simulator.psn.TrophyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scripted scenario's world: a PS5 title with a DLC group and a hidden trophy, a PS4 title
 * (needs npServiceName=trophy), a title the watched account never synced, and a private account.
 */
final class ScenarioWorld {

  static final String WATCHED = "4000000000000000001";
  static final String WATCHED_NPSSO = "scenario-npsso-4f2a9c";
  static final String PRIVATE = "4000000000000000002";
  static final String PS5 = "NPWR70001_00";
  static final String PS4 = "NPWR70002_00";
  static final String NEVER_SYNCED = "NPWR70003_00";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private ScenarioWorld() {}

  static PsnWorld create(int fillerTitles) {
    PsnWorld world = new PsnWorld();
    world.addTitle(title(PS5, "trophy2", "PS5,PSPC", 8, true));
    world.addTitle(title(PS4, "trophy", "PS4", 6, false));
    world.addTitle(title(NEVER_SYNCED, "trophy2", "PS5", 4, false));
    world.addAccount(WATCHED, "watched", WATCHED_NPSSO, "en");
    world.addAccount(PRIVATE, "private", "private-npsso", "en");
    world.setPrivate(PRIVATE, true);
    for (int i = 0; i < fillerTitles; i++) {
      String id = String.format("NPWR6%04d_00", i);
      world.addTitle(title(id, i % 2 == 0 ? "trophy" : "trophy2", "PS4", 3, false));
      world.sync(WATCHED, id, T0.minusSeconds(100_000 + i));
      world.earn(WATCHED, id, 1, T0.minusSeconds(90_000 + i));
    }
    world.earn(WATCHED, PS5, 1, T0.minusSeconds(3600));
    world.earn(WATCHED, PS4, 1, T0.minusSeconds(7200));
    return world;
  }

  static TitleDef title(String id, String service, String platform, int trophies, boolean dlc) {
    boolean legacy = service.equals("trophy");
    List<TrophyDef> list = new ArrayList<>();
    for (int i = 0; i < trophies; i++) {
      list.add(
          new TrophyDef(
              i,
              i == 3,
              i == 0 ? TrophyType.PLATINUM : i == 2 ? TrophyType.GOLD : TrophyType.BRONZE,
              dlc && i >= trophies - 2 ? "001" : "default",
              Map.of("en", new LocalizedText(id + " trophy " + i, "Detail " + i)),
              "https://icons/" + id + "/" + i + ".png",
              null,
              !legacy && i == 1 ? "Avatar" : null,
              !legacy && i == 1 ? "https://icons/reward.png" : null,
              i % 4,
              (5 + i) + ".5"));
    }
    List<TrophyGroupDef> groups =
        new ArrayList<>(
            List.of(
                new TrophyGroupDef(
                    "default", id + " base", legacy ? "Base" : null, "https://icons/g.png")));
    if (dlc) {
      groups.add(
          new TrophyGroupDef("001", id + " DLC", legacy ? "DLC" : null, "https://icons/g1.png"));
    }
    return new TitleDef(
        id,
        service,
        "01.00",
        "Title " + id,
        legacy ? "Detail" : null,
        "https://icons/" + id + ".png",
        platform,
        groups,
        list,
        List.of());
  }
}
