package io.pitwall.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.events.DrClassChanged;
import io.pitwall.events.SampleEvents;
import io.pitwall.events.TrophyEarned;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroWireCodecTest {

  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final AvroWireCodec codec = new AvroWireCodec(registry);

  @Test
  void shouldRoundTripEveryEventWithEveryFieldSet() {
    for (SpecificRecord event :
        List.<SpecificRecord>of(
            SampleEvents.trophyEarned(),
            SampleEvents.drClassChanged(),
            SampleEvents.seriesRoundScored())) {
      byte[] framed = codec.encode("pitwall.some-topic", event);

      assertThat(framed[0]).isEqualTo(WireFormat.MAGIC_BYTE);
      assertThat(codec.decode(framed)).isEqualTo(event);
    }
  }

  @Test
  void shouldRegisterUnderTheTopicValueSubject() {
    byte[] framed = codec.encode("pitwall.psn.trophy-earned", SampleEvents.trophyEarned());

    assertThat(registry.subjects).containsKey("pitwall.psn.trophy-earned-value");
    assertThat(WireFormat.schemaId(framed))
        .isEqualTo(registry.subjects.get("pitwall.psn.trophy-earned-value").get(0));
  }

  @Test
  void shouldRefuseARecordWithAMissingRequiredFieldNamingTheField() {
    TrophyEarned broken = SampleEvents.trophyEarned();
    broken.getEnvelope().setAccountId(null);

    assertThatThrownBy(() -> codec.encode("t", broken))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("TrophyEarned.envelope.accountId")
        .hasMessageContaining("null");
  }

  @Test
  void shouldRefuseARecordWithoutItsEnvelopeNamingTheField() {
    DrClassChanged broken = SampleEvents.drClassChanged();
    broken.setEnvelope(null);

    assertThatThrownBy(() -> codec.encode("t", broken))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("DrClassChanged.envelope")
        .hasMessageContaining("io.pitwall.events.Envelope");
  }

  @Test
  void shouldRejectBytesThatAreNotInTheWireFormat() {
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first byte is 1");
    assertThatThrownBy(() -> codec.decode(new byte[] {0, 0})).hasMessageContaining("at least 5");
  }

  @Test
  void shouldRejectATruncatedPayloadWithTheSchemaName() {
    byte[] framed = codec.encode("t", SampleEvents.drClassChanged());
    byte[] truncated = java.util.Arrays.copyOf(framed, 12);

    assertThatThrownBy(() -> codec.decode(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("io.pitwall.events.DrClassChanged");
  }
}
