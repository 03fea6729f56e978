package io.pitwall.simulator.psn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made worlds for behaviour tests. */
final class PsnWorlds {

  static final String ALICE = "1111111111111111111";
  static final String BOB = "2222222222222222222";
  static final String ALICE_NPSSO = "alice-npsso";
  static final String BOB_NPSSO = "bob-npsso";
  static final String PS5_TITLE = "NPWR20188_00";
  static final String PS4_TITLE = "NPWR10600_00";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private PsnWorlds() {}

  static TitleDef title(String id, String service, String platform, int trophies, boolean dlc) {
    List<TrophyDef> list = new ArrayList<>();
    for (int i = 0; i < trophies; i++) {
      list.add(
          new TrophyDef(
              i,
              i % 5 == 4,
              i == 0 ? TrophyType.PLATINUM : TrophyType.BRONZE,
              dlc && i == trophies - 1 ? "001" : "default",
              Map.of(
                  "en", new LocalizedText("Trophy " + i, "Do thing " + i),
                  "de", new LocalizedText("Trophäe " + i, "Tu Ding " + i)),
              "https://icons/" + id + "/" + i + ".png",
              null,
              null,
              null,
              i % 4,
              (10 + i) + ".0"));
    }
    List<TrophyGroupDef> groups = new ArrayList<>();
    groups.add(
        new TrophyGroupDef(
            "default",
            id + " base",
            service.equals("trophy") ? "Base" : null,
            "https://icons/g.png"));
    if (dlc) {
      groups.add(
          new TrophyGroupDef(
              "001", id + " DLC", service.equals("trophy") ? "DLC" : null, "https://icons/g1.png"));
    }
    return new TitleDef(
        id,
        service,
        "01.00",
        "Title " + id,
        service.equals("trophy") ? "Detail" : null,
        "https://icons/" + id + ".png",
        platform,
        groups,
        list,
        List.of());
  }

  /** Alice owns 300 titles (a PS5 one and a PS4 one among them); Bob is private. */
  static PsnWorld aliceAndBob() {
    PsnWorld world = new PsnWorld();
    world.addTitle(title(PS5_TITLE, "trophy2", "PS5", 6, true));
    world.addTitle(title(PS4_TITLE, "trophy", "PS4", 5, false));
    world.addAccount(ALICE, "alice", ALICE_NPSSO, "en");
    world.addAccount(BOB, "bob", BOB_NPSSO, "en");
    world.setPrivate(BOB, true);
    for (int i = 0; i < 298; i++) {
      String id = String.format("NPWR3%04d_00", i);
      world.addTitle(
          title(id, i % 2 == 0 ? "trophy" : "trophy2", i % 2 == 0 ? "PS4" : "PS5,PSPC", 2, false));
      world.sync(ALICE, id, T0.minusSeconds(1000 + i));
    }
    world.earn(ALICE, PS5_TITLE, 1, T0);
    world.sync(ALICE, PS4_TITLE, T0.minusSeconds(10));
    world.sync(BOB, PS5_TITLE, T0);
    return world;
  }
}
