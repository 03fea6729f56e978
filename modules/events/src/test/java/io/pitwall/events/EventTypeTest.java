package io.pitwall.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventTypeTest {

  @Test
  void shouldNameTheContractTopics() {
    assertThat(EventType.TROPHY_EARNED.topic("pitwall.")).isEqualTo("pitwall.psn.trophy-earned");
    assertThat(EventType.DR_CLASS_CHANGED.topic("pitwall."))
        .isEqualTo("pitwall.gt.dr-class-changed");
    assertThat(EventType.SERIES_ROUND_SCORED.topic("pitwall."))
        .isEqualTo("pitwall.gt.series-round-scored");
  }

  @Test
  void shouldFindTheTypeOfARecord() {
    assertThat(EventType.of(SampleEvents.drClassChanged())).contains(EventType.DR_CLASS_CHANGED);
    assertThat(EventType.TROPHY_EARNED.typeName()).isEqualTo("TrophyEarned");
  }

  @Test
  void shouldDocumentEveryFieldOfEveryEvent() {
    for (EventType type : EventType.values()) {
      assertThat(type.schema().getDoc()).as(type + " doc").isNotBlank();
      assertDocumented(type.schema());
    }
  }

  @Test
  void shouldCarryTheSharedEnvelopeFirst() {
    for (EventType type : EventType.values()) {
      Schema.Field first = type.schema().getFields().get(0);
      assertThat(first.name()).isEqualTo("envelope");
      assertThat(first.schema().getFullName()).isEqualTo("io.pitwall.events.Envelope");
    }
  }

  private static void assertDocumented(Schema record) {
    for (Schema.Field field : record.getFields()) {
      assertThat(field.doc()).as(record.getName() + "." + field.name() + " doc").isNotBlank();
      if (field.schema().getType() == Schema.Type.RECORD) {
        assertDocumented(field.schema());
      }
    }
  }
}
