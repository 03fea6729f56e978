package io.pitwall.bench.perf;

import io.pitwall.source.psn.diff.EarnedTrophy;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TitleState;
import io.pitwall.source.psn.diff.TrophyCounts;
import io.pitwall.source.psn.diff.TrophyMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Synthetic PSN accounts for the performance benchmarks, deterministic in the account number: each
 * title has {@link #TROPHIES_PER_TITLE} trophies of which {@link #EARNED_PER_TITLE} are earned and
 * known by id (the largest state a watch keeps once every title was diffed), titles one hour apart,
 * newest first.
 */
public final class SyntheticPsn {

  /** Trophies defined per title. */
  public static final int TROPHIES_PER_TITLE = 50;

  /** Trophies earned per title, all known by id. */
  public static final int EARNED_PER_TITLE = 25;

  private static final Instant NEWEST = Instant.parse("2026-11-01T00:00:00Z");

  private SyntheticPsn() {}

  /** The npCommunicationId of a title of an account. */
  public static String titleId(int account, int title) {
    return String.format("NPWR%05d_%02d", (account * 7 + title) % 100_000, title % 100);
  }

  /** The last update of a title (title 0 is the newest). */
  public static Instant lastUpdated(int account, int title) {
    return NEWEST.minus(Duration.ofHours(title)).minusSeconds(account % 3600);
  }

  /**
   * The earned trophy ids of a title: {@link #EARNED_PER_TITLE} of the title's trophies, chosen by
   * a random generator seeded with the account and title (irregular, as real ones are, so that the
   * state does not deflate better than a real one).
   */
  public static Set<Integer> earnedIds(int account, int title) {
    Random random = new Random(account * 1_000L + title);
    Set<Integer> ids = new TreeSet<>();
    while (ids.size() < EARNED_PER_TITLE) {
      ids.add(random.nextInt(TROPHIES_PER_TITLE));
    }
    return ids;
  }

  /** A baselined state of an account with this many titles, every title's earned ids known. */
  public static PsnWatchState state(int account, int titles) {
    Map<String, TitleState> byId = new LinkedHashMap<>();
    for (int t = 0; t < titles; t++) {
      byId.put(
          titleId(account, t),
          new TitleState(lastUpdated(account, t), EARNED_PER_TITLE, earnedIds(account, t)));
    }
    return new PsnWatchState(lastUpdated(account, 0), byId);
  }

  /**
   * The account's title list as the upstream lists it now, newest first, with title {@code changed}
   * (or none, when negative) moved to the head with one more trophy earned an hour after the
   * newest.
   */
  public static List<TitleEntry> titleList(int account, int titles, int changed) {
    List<TitleEntry> list = new ArrayList<>();
    if (changed >= 0) {
      list.add(entry(account, changed, lastUpdated(account, 0).plusSeconds(3600), 1));
    }
    for (int t = 0; t < titles; t++) {
      if (t != changed) {
        list.add(entry(account, t, lastUpdated(account, t), 0));
      }
    }
    return list;
  }

  /** The trophies earned now in a title, with {@code extra} more earned at {@code extraAt}. */
  public static List<EarnedTrophy> earned(int account, int title, int extra, Instant extraAt) {
    List<EarnedTrophy> earned = new ArrayList<>();
    Set<Integer> ids = earnedIds(account, title);
    Instant at = lastUpdated(account, title);
    int i = 0;
    for (int id : ids) {
      earned.add(new EarnedTrophy(id, at.minusSeconds(60L * (ids.size() - i++)), 1, 12.5));
    }
    for (int id = 0, added = 0; id < TROPHIES_PER_TITLE && added < extra; id++) {
      if (!ids.contains(id)) {
        earned.add(new EarnedTrophy(id, extraAt, 2, 3.0));
        added++;
      }
    }
    return earned;
  }

  /** A bronze trophy's metadata, as the trophy catalogue would give it. */
  public static TrophyMeta meta(int trophyId) {
    return new TrophyMeta(
        trophyId,
        "default",
        null,
        "bronze",
        "Trophy " + trophyId,
        "Earn it",
        "https://image.example/t.png",
        false,
        null,
        null);
  }

  private static TitleEntry entry(int account, int title, Instant updated, int extra) {
    return new TitleEntry(
        titleId(account, title),
        "trophy2",
        "01.00",
        "Title " + title,
        null,
        "https://image.example/" + title + ".png",
        "PS5",
        false,
        updated,
        new TrophyCounts(EARNED_PER_TITLE + extra, 0, 0, 0),
        false);
  }
}
