package io.pitwall.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.config.SourcePlugins;
import io.pitwall.events.SampleEvents;
import io.pitwall.gt.GtEventTypes;
import io.pitwall.source.api.EventType;
import io.pitwall.source.psn.PsnPlugin;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventTypeTest {

  @Test
  void shouldNameTheContractTopics() {
    assertThat(PsnPlugin.TROPHY_EARNED.topic("pitwall.")).isEqualTo("pitwall.psn.trophy-earned");
    assertThat(GtEventTypes.DR_CLASS_CHANGED.topic("pitwall."))
        .isEqualTo("pitwall.gt.dr-class-changed");
    assertThat(GtEventTypes.SERIES_ROUND_SCORED.topic("pitwall."))
        .isEqualTo("pitwall.gt.series-round-scored");
  }

  @Test
  void shouldFindTheTypeOfARecord() {
    assertThat(SourcePlugins.installed().eventTypeOf(SampleEvents.drClassChanged()))
        .contains(GtEventTypes.DR_CLASS_CHANGED);
    assertThat(PsnPlugin.TROPHY_EARNED.typeName()).isEqualTo("TrophyEarned");
  }

  @Test
  void shouldDocumentEveryFieldOfEveryEvent() {
    for (EventType type : SourcePlugins.installed().eventTypes()) {
      assertThat(type.schema().getDoc()).as(type + " doc").isNotBlank();
      assertDocumented(type.schema());
    }
  }

  @Test
  void shouldCarryTheSharedEnvelopeFirst() {
    for (EventType type : SourcePlugins.installed().eventTypes()) {
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
