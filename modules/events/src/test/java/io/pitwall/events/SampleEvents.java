package io.pitwall.events;

import java.time.Instant;
import java.util.UUID;

/** Events with every field set (no optional field left null), for round-trip tests. */
public final class SampleEvents {

  private SampleEvents() {}

  static Envelope envelope(String source, String accountId, Instant eventTime) {
    return Envelope.newBuilder()
        .setEventId(UUID.fromString("0f8b8f59-4b0a-5d54-9d4e-0a6f0d3c2b11"))
        .setSource(source)
        .setAccountId(accountId)
        .setWatchLabel("team car")
        .setDetectedAt(Instant.parse("2026-11-22T10:15:30.123Z"))
        .setEventTime(eventTime)
        .build();
  }

  /** A PS5 DLC trophy with reward and rarity. */
  public static TrophyEarned trophyEarned() {
    return TrophyEarned.newBuilder()
        .setEnvelope(envelope("psn", "6515971742264256071", Instant.parse("2020-11-21T10:45:19Z")))
        .setNpCommunicationId("NPWR20188_00")
        .setTitleName("ASTRO’s PLAYROOM")
        .setTitleDetail("ASTRO’s PLAYROOM Trophy Set")
        .setTitleIconUrl("https://psnobj.prod.dl.playstation.net/psnobj/NPWR20188_00/t.png")
        .setTitlePlatform("PS5,PSPC")
        .setNpServiceName(NpServiceName.trophy2)
        .setTrophySetVersion("01.40")
        .setTrophyId(45)
        .setTrophyGroupId("001")
        .setTrophyGroupName("ASTRO’s PLAYROOM [ADD-ON]")
        .setTrophyType(TrophyType.bronze)
        .setTrophyName("Gravity Daze!")
        .setTrophyDetail("Made the CPU Chip punch the glass sphere.")
        .setTrophyIconUrl("https://psnobj.prod.dl.playstation.net/psnobj/NPWR20188_00/i.png")
        .setTrophyHidden(true)
        .setTrophyRare(TrophyRarity.VERY_RARE)
        .setTrophyEarnedRate(12.8)
        .setTrophyRewardName("Profile Avatar")
        .setTrophyRewardImageUrl("https://psnobj.prod.dl.playstation.net/psnobj/NPWR20188_00/r.png")
        .build();
  }

  /** A GT Sport driver moving from B to A with points. */
  public static DrClassChanged drClassChanged() {
    return DrClassChanged.newBuilder()
        .setEnvelope(envelope("gt", "9568550", Instant.parse("2026-11-22T10:00:00Z")))
        .setPreviousClass("B")
        .setNewClass("A")
        .setPreviousClassNumber(3)
        .setNewClassNumber(4)
        .setDirection(RatingDirection.UP)
        .setPreviousDrPoints(9_950L)
        .setDrPoints(10_020L)
        .setPrecision(RatingPrecision.POINTS)
        .build();
  }

  /** A Nations Cup round whose counted flag flipped. */
  public static SeriesRoundScored seriesRoundScored() {
    return SeriesRoundScored.newBuilder()
        .setEnvelope(envelope("gridstats", "skino2024", Instant.parse("2026-11-22T09:00:00Z")))
        .setSeriesId("1564")
        .setSeriesType("Nations Cup")
        .setRoundNumber(3)
        .setChange(RoundChange.POINTS_AND_COUNTED_CHANGED)
        .setPoints(120.0)
        .setPreviousPoints(95.5)
        .setIsCounted(true)
        .setPreviousIsCounted(false)
        .setSeasonRank(14)
        .setTotalPoints(342.0)
        .build();
  }
}
