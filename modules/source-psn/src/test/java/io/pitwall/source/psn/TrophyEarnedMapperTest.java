package io.pitwall.source.psn;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchKey;
import io.pitwall.events.NpServiceName;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.TrophyRarity;
import io.pitwall.source.psn.diff.EarnedTrophy;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TrophyCounts;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import io.pitwall.source.psn.diff.TrophyMeta;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrophyEarnedMapperTest {

  private final TrophyEarnedChange change =
      new TrophyEarnedChange(
          new TitleEntry(
              "NPWR10600_00",
              "trophy",
              "01.01",
              "RESIDENT EVIL 5",
              "RE5 Trophy Set",
              "https://icon",
              "PS4",
              true,
              Instant.parse("2017-02-09T22:14:52Z"),
              new TrophyCounts(1, 0, 0, 0),
              false),
          new TrophyMeta(
              70,
              "003",
              "Desperate Escape",
              "bronze",
              "Shoot the Messenger",
              "Defeat 3 Agitator Majini.",
              "https://trophy",
              false,
              null,
              null),
          new EarnedTrophy(70, Instant.parse("2017-02-09T22:12:14Z"), 0, 3.7));

  @Test
  void shouldCarryEverythingASubscriberNeeds() {
    Instant detected = Instant.parse("2026-01-01T00:00:00.123456Z");
    TrophyEarned event =
        TrophyEarnedMapper.toEvent(WatchKey.parse("psn:123"), "main", change, detected);

    assertThat(event.getEnvelope().getSource()).isEqualTo("psn");
    assertThat(event.getEnvelope().getAccountId()).isEqualTo("123");
    assertThat(event.getEnvelope().getWatchLabel()).isEqualTo("main");
    assertThat(event.getEnvelope().getDetectedAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    assertThat(event.getEnvelope().getEventTime()).isEqualTo(Instant.parse("2017-02-09T22:12:14Z"));
    assertThat(event.getNpServiceName()).isEqualTo(NpServiceName.trophy);
    assertThat(event.getTrophyGroupName()).isEqualTo("Desperate Escape");
    assertThat(event.getTrophyRare()).isEqualTo(TrophyRarity.ULTRA_RARE);
    assertThat(event.getTrophyEarnedRate()).isEqualTo(3.7);
    assertThat(event.getTitleDetail()).isEqualTo("RE5 Trophy Set");
  }

  @Test
  void shouldGiveTheSameEventIdToTheSameEarnWhenDetectedAgain() {
    WatchKey key = WatchKey.parse("psn:123");
    TrophyEarned first =
        TrophyEarnedMapper.toEvent(key, null, change, Instant.parse("2026-01-01T00:00:00Z"));
    TrophyEarned again =
        TrophyEarnedMapper.toEvent(key, null, change, Instant.parse("2026-01-02T00:00:00Z"));

    assertThat(first.getEnvelope().getEventId()).isEqualTo(again.getEnvelope().getEventId());
    assertThat(
            TrophyEarnedMapper.toEvent(WatchKey.parse("psn:456"), null, change, Instant.EPOCH)
                .getEnvelope()
                .getEventId())
        .isNotEqualTo(first.getEnvelope().getEventId());
  }
}
