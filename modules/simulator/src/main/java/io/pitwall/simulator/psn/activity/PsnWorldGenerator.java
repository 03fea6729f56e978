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
import java.util.Random;

/**
 * Generates a plausible world from a seed: a catalog of titles across PS5, PS5/PC, PS4 and PS4/Vita
 * (some with DLC groups, hidden trophies, PS5 progress trophies and rewards) and accounts that have
 * played some of them. The same seed gives the same world.
 */
public final class PsnWorldGenerator {

  private static final String[] ADJECTIVES = {
    "Crimson",
    "Silent",
    "Neon",
    "Iron",
    "Golden",
    "Hidden",
    "Lost",
    "Rapid",
    "Frozen",
    "Wild",
    "Astral",
    "Broken",
    "Electric",
    "Hollow",
    "Last"
  };
  private static final String[] NOUNS = {
    "Circuit",
    "Horizon",
    "Legend",
    "Drift",
    "Kingdom",
    "Signal",
    "Odyssey",
    "Frontier",
    "Echo",
    "Tempest",
    "Citadel",
    "Voyage",
    "Harbor",
    "Summit",
    "Paradox"
  };
  private static final String[] FEATS = {
    "First Steps", "Clean Lap", "Untouchable", "Collector", "Speed Demon", "Night Owl",
    "Perfectionist", "Explorer", "Marathon", "Sharpshooter", "Survivor", "Completionist",
    "Lucky Break", "Teamwork", "Photo Finish", "Secret Path"
  };
  private static final String[][] PLATFORMS = {
    {"PS5", "trophy2"}, {"PS5,PSPC", "trophy2"}, {"PS4", "trophy"}, {"PS4,PSVITA", "trophy"}
  };

  private PsnWorldGenerator() {}

  /**
   * Generates a world.
   *
   * @param seed the random seed
   * @param accounts number of accounts, ids {@code 7000000000000000000 + i}, npsso {@code
   *     npsso-<i>}
   * @param catalogSize number of titles in the catalog
   * @param titlesPerAccount titles each account has synced
   * @param now the time the world is generated at; history lies before it
   */
  public static PsnWorld generate(
      long seed, int accounts, int catalogSize, int titlesPerAccount, Instant now) {
    Random random = new Random(seed);
    PsnWorld world = new PsnWorld();
    List<TitleDef> catalog = new ArrayList<>();
    for (int i = 0; i < catalogSize; i++) {
      TitleDef title = title(random, i);
      world.addTitle(title);
      catalog.add(title);
    }
    for (int a = 0; a < accounts; a++) {
      String accountId = accountId(a);
      world.addAccount(accountId, "player" + a, npsso(a), "en");
      for (int t = 0; t < Math.min(titlesPerAccount, catalogSize); t++) {
        TitleDef title = catalog.get((a * 7 + t * 13) % catalogSize);
        Instant synced = now.minus(Duration.ofDays(30 + random.nextInt(900)));
        world.sync(accountId, title.npCommunicationId(), synced);
        int earned = random.nextInt(title.trophies().size());
        for (int k = 1; k <= earned; k++) {
          world.earn(
              accountId,
              title.npCommunicationId(),
              title.trophies().get(k % title.trophies().size()).id(),
              synced.plus(Duration.ofHours(k)));
        }
      }
    }
    return world;
  }

  /** The account id of generated account {@code index}. */
  public static String accountId(int index) {
    return Long.toString(7_000_000_000_000_000_000L + index);
  }

  /** The npsso of generated account {@code index}. */
  public static String npsso(int index) {
    return "npsso-generated-" + index;
  }

  private static TitleDef title(Random random, int index) {
    String id = String.format("NPWR%05d_00", 40000 + index);
    String[] platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
    boolean legacy = platform[1].equals("trophy");
    String name =
        ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
    boolean dlc = random.nextInt(3) == 0;
    String icon = "https://psnobj.prod.dl.playstation.net/psnobj/" + id + "/icon.png";
    List<TrophyGroupDef> groups = new ArrayList<>();
    groups.add(new TrophyGroupDef("default", name, legacy ? name + " Trophy Set" : null, icon));
    if (dlc) {
      groups.add(
          new TrophyGroupDef(
              "001", name + ": Expansion", legacy ? "Expansion trophies" : null, icon));
    }
    int count = 8 + random.nextInt(16);
    List<TrophyDef> trophies = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      TrophyType type =
          t == 0
              ? TrophyType.PLATINUM
              : t % 7 == 0 ? TrophyType.GOLD : t % 3 == 0 ? TrophyType.SILVER : TrophyType.BRONZE;
      String feat =
          FEATS[(index + t) % FEATS.length]
              + (t >= FEATS.length ? " " + (t / FEATS.length + 1) : "");
      boolean progress = !legacy && t % 5 == 2;
      double rate = Math.round((1 + random.nextDouble() * 80) * 10) / 10.0;
      trophies.add(
          new TrophyDef(
              t,
              t % 6 == 5,
              type,
              dlc && t >= count - 3 ? "001" : "default",
              Map.of(
                  "en", new LocalizedText(feat, "Earn " + feat.toLowerCase() + " in " + name + "."),
                  "de",
                      new LocalizedText(feat + " (DE)", "Verdiene " + feat + " in " + name + ".")),
              "https://psnobj.prod.dl.playstation.net/psnobj/" + id + "/" + t + ".png",
              progress ? Integer.toString(5 + t) : null,
              !legacy && t == 1 ? "Profile Avatar" : null,
              !legacy && t == 1
                  ? "https://psnobj.prod.dl.playstation.net/psnobj/" + id + "/reward.png"
                  : null,
              rate < 5 ? 0 : rate < 15 ? 1 : rate < 50 ? 2 : 3,
              Double.toString(rate)));
    }
    return new TitleDef(
        id,
        platform[1],
        "01.0" + random.nextInt(9),
        name,
        legacy ? name + " Trophy Set" : null,
        icon,
        platform[0],
        groups,
        trophies,
        List.of(String.format(legacy ? "CUSA%05d_00" : "PPSA%05d_00", index)));
  }
}
