package io.pitwall.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.events.SampleEvents;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.schema.ReleasedSchemas;
import io.pitwall.events.schema.ReleasedVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * An event of a source that no reader's schema names (there is no "xbox" anywhere in Pitwall)
 * decodes like any other: since 0.2 the envelope's source is a string, not an enum.
 */
class UnnamedSourceDecodeTest {

  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final AvroWireCodec codec = new AvroWireCodec(registry);

  @Test
  void shouldDecodeAnEventOfASourceTheReaderNeverNamedIntoTheGeneratedClass() {
    TrophyEarned xbox = SampleEvents.trophyEarned();
    xbox.getEnvelope().setSource("xbox");
    xbox.getEnvelope().setAccountId("2535411111111111");

    SpecificRecord decoded = codec.decode(codec.encode("pitwall.xbox.trophy-earned", xbox));

    assertThat(decoded).isInstanceOf(TrophyEarned.class).isEqualTo(xbox);
    assertThat(((TrophyEarned) decoded).getEnvelope().getSource()).isEqualTo("xbox");
  }

  @Test
  void shouldDecodeItWithTheReleasedSchemaOfAnOldReaderToo() throws IOException {
    TrophyEarned xbox = SampleEvents.trophyEarned();
    xbox.getEnvelope().setSource("xbox");
    byte[] framed = codec.encode("pitwall.xbox.trophy-earned", xbox);
    Schema writer = registry.schemaById(WireFormat.schemaId(framed));
    ReleasedVersion released =
        ReleasedSchemas.loadVersion(
            "0.2",
            Path.of(System.getProperty("pitwall.released.schemas", "../../avro/released"))
                .resolve("0.2"));
    Schema oldReader =
        released.schemas().stream()
            .filter(s -> s.getFullName().equals("io.pitwall.events.TrophyEarned"))
            .findFirst()
            .orElseThrow();

    GenericRecord read =
        new GenericDatumReader<GenericRecord>(writer, oldReader)
            .read(
                null,
                DecoderFactory.get()
                    .binaryDecoder(
                        Arrays.copyOfRange(framed, WireFormat.HEADER_LENGTH, framed.length), null));

    assertThat(((GenericRecord) read.get("envelope")).get("source").toString()).isEqualTo("xbox");
    assertThat(read.get("trophyName").toString()).isEqualTo(xbox.getTrophyName());
  }
}
