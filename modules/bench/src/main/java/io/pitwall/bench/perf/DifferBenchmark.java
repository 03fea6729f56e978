package io.pitwall.bench.perf;

import io.pitwall.core.WatchKey;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.SchemaRegistryClient;
import io.pitwall.gt.DriverSnapshot;
import io.pitwall.gt.GtDiffer;
import io.pitwall.gt.GtStateCodec;
import io.pitwall.gt.GtWatchState;
import io.pitwall.gt.RatingPrecision;
import io.pitwall.gt.SeriesStanding;
import io.pitwall.source.psn.PsnStateCodec;
import io.pitwall.source.psn.TrophyEarnedMapper;
import io.pitwall.source.psn.diff.EarnedTrophy;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TitleListScan;
import io.pitwall.source.psn.diff.TrophyDiffer;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import io.pitwall.source.psn.diff.TrophyMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the pure per-poll work: the PSN title-list scan and trophy diff of a 100-title
 * account with one changed title, the GT diff of a driver in three series of ten rounds with one
 * round changed, both sources' state encode and decode, and the Avro encoding of one {@code
 * TrophyEarned} event in the registry's wire format (the schema id cached, as after the first
 * poll).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DifferBenchmark {

  static final int TITLES = 100;
  static final int ACCOUNT = 42;
  static final int CHANGED = 37;

  private PsnWatchState psnState;
  private List<TitleEntry> page;
  private TitleEntry changedEntry;
  private List<EarnedTrophy> earnedNow;
  private byte[] psnBytes;
  private GtWatchState gtState;
  private DriverSnapshot driver;
  private List<SeriesStanding> standings;
  private byte[] gtBytes;
  private AvroWireCodec codec;
  private org.apache.avro.specific.SpecificRecord trophyEarned;

  /** Builds the synthetic account and GT driver. */
  @Setup
  public void build() {
    psnState = SyntheticPsn.state(ACCOUNT, TITLES);
    page = SyntheticPsn.titleList(ACCOUNT, TITLES, CHANGED);
    changedEntry = page.get(0);
    earnedNow = SyntheticPsn.earned(ACCOUNT, CHANGED, 1, changedEntry.lastUpdated());
    psnBytes = PsnStateCodec.encode(psnState);
    List<SeriesStanding> before = standings(false);
    driver = new DriverSnapshot("A", 4, 42_000L, "S", 99, RatingPrecision.POINTS);
    gtState = GtDiffer.diff(GtWatchState.EMPTY, driver, before, () -> "epoch").next();
    standings = standings(true);
    gtBytes = GtStateCodec.encode(gtState);
    codec =
        new AvroWireCodec(
            new SchemaRegistryClient() {
              @Override
              public int register(String subject, org.apache.avro.Schema schema) {
                return 1;
              }

              @Override
              public org.apache.avro.Schema schemaById(int id) {
                throw new UnsupportedOperationException("encode only");
              }
            });
    EarnedTrophy trophy = earnedNow.get(earnedNow.size() - 1);
    TrophyMeta meta = SyntheticPsn.meta(trophy.trophyId());
    trophyEarned =
        TrophyEarnedMapper.toEvent(
            new WatchKey("psn", "account-" + ACCOUNT),
            null,
            new TrophyEarnedChange(changedEntry, meta, trophy),
            Instant.parse("2026-12-04T12:00:00Z"));
  }

  private static List<SeriesStanding> standings(boolean changed) {
    List<SeriesStanding> list = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      List<SeriesStanding.Round> rounds = new ArrayList<>();
      for (int r = 1; r <= 10; r++) {
        double points = changed && s == 1 && r == 10 ? 25 : r;
        rounds.add(new SeriesStanding.Round(r, points, true));
      }
      list.add(new SeriesStanding("series-" + s, "weekly", 12, 55.0, rounds));
    }
    return list;
  }

  /** Scans the 100-entry page against the state: one title changed. */
  @Benchmark
  public TitleListScan.Verdict psnTitleScan() {
    return TitleListScan.scan(psnState, page, true);
  }

  /** Diffs the changed title's trophies: one newly earned. */
  @Benchmark
  public TrophyDiffer.Result psnTrophyDiff() {
    return TrophyDiffer.diff(
        psnState.title(changedEntry.npCommunicationId()), changedEntry, earnedNow);
  }

  /** Encodes the 100-title state. */
  @Benchmark
  public byte[] psnEncode() {
    return PsnStateCodec.encode(psnState);
  }

  /** Decodes the 100-title state. */
  @Benchmark
  public PsnWatchState psnDecode() {
    return PsnStateCodec.decode(psnBytes);
  }

  /** Diffs a GT poll: ratings unchanged, one round changed. */
  @Benchmark
  public GtDiffer.Result gtDiff() {
    return GtDiffer.diff(gtState, driver, standings, () -> "epoch");
  }

  /** Encodes the GT state. */
  @Benchmark
  public byte[] gtEncode() {
    return GtStateCodec.encode(gtState);
  }

  /** Encodes one TrophyEarned event as the publisher does, framed with its schema id. */
  @Benchmark
  public byte[] eventEncode() {
    return codec.encode("pitwall.psn.trophy-earned", trophyEarned);
  }

  /** Decodes the GT state. */
  @Benchmark
  public GtWatchState gtDecode() {
    return GtStateCodec.decode(gtBytes);
  }
}
