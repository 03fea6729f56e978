package io.pitwall.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.events.DrClassChanged;
import io.pitwall.events.SampleEvents;
import io.pitwall.events.TrophyEarned;
import io.pitwall.runtime.ApicurioRegistryProcess;
import org.junit.jupiter.api.Test;

/**
 * A registry that restarts without its storage issues ids from 1 again: the id Pitwall cached for
 * its schema can then name another client's schema, and must never be put on a record.
 */
class RegistryRestartIT {

  @Test
  void shouldNeverFrameARecordWithAnIdThatAnEmptyRestartedRegistryGaveAnotherSchema() {
    ApicurioRegistryProcess registry = ApicurioRegistryProcess.start();
    try {
      ConfluentRestRegistryClient client =
          new ConfluentRestRegistryClient(registry.confluentApiUrl());
      AvroWireCodec codec = new AvroWireCodec(client);
      int before =
          WireFormat.schemaId(codec.encode("restart.trophies", SampleEvents.trophyEarned()));

      registry = registry.restartEmpty();
      // another client registers first: it gets the id Pitwall has cached for TrophyEarned
      int taken =
          new ConfluentRestRegistryClient(registry.confluentApiUrl())
              .register("other-value", DrClassChanged.getClassSchema());
      assertThat(taken).as("the empty registry re-issues the cached id").isEqualTo(before);
      client.reconfirm(); // as the engine's registry probe does every 15 s

      byte[] framed = codec.encode("restart.trophies", SampleEvents.trophyEarned());

      AvroWireCodec reader =
          new AvroWireCodec(new ConfluentRestRegistryClient(registry.confluentApiUrl()));
      assertThat(reader.decode(framed)).isInstanceOf(TrophyEarned.class);
      assertThat(WireFormat.schemaId(framed)).isNotEqualTo(before);
      assertThat(client.idChanges()).isEqualTo(1);
    } finally {
      registry.close();
    }
  }

  @Test
  void shouldReconfirmCachedIdsAfterTheRegistryWasUnreachable() {
    ApicurioRegistryProcess registry = ApicurioRegistryProcess.start();
    try {
      ConfluentRestRegistryClient client =
          new ConfluentRestRegistryClient(registry.confluentApiUrl());
      int before = client.register("gone-value", TrophyEarned.getClassSchema());
      registry.close();
      assertThatThrownBy(() -> client.register("never-value", TrophyEarned.getClassSchema()))
          .isInstanceOf(SchemaRegistryException.class);

      registry = registry.restartEmpty();
      new ConfluentRestRegistryClient(registry.confluentApiUrl())
          .register("other-value", DrClassChanged.getClassSchema());

      int after = client.register("gone-value", TrophyEarned.getClassSchema());
      assertThat(after).isNotEqualTo(before);
      assertThat(client.idChanges()).isEqualTo(1);
    } finally {
      registry.close();
    }
  }
}
