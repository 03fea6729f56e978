package io.pitwall.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pitwall.app.config.SourcePlugins;
import io.pitwall.events.schema.ReleasedSchemas;
import io.pitwall.events.schema.ReleasedVersion;
import io.pitwall.events.schema.SchemaGuard;
import io.pitwall.source.api.EventType;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build check of Pitwall's compatibility promise: every current schema is FULL_TRANSITIVE
 * compatible with every released version (the installed plugins' declared event types and the
 * kernel's) in the repository's {@code avro/released/}, so {@code mvn verify} fails when an edit
 * would break old readers or new readers.
 */
class ReleasedSchemaCompatibilityTest {

  private static final Path RELEASED =
      Path.of(System.getProperty("pitwall.released.schemas", "../../avro/released"));

  @Test
  void everyCurrentSchemaShouldBeCompatibleBothWaysWithEveryReleasedVersion() {
    List<ReleasedVersion> released = ReleasedSchemas.load(RELEASED);

    List<String> problems =
        SchemaGuard.check(
            SourcePlugins.installed().eventTypes().stream().map(EventType::schema).toList(),
            released);

    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " schema compatibility problem(s) with the released versions in "
              + RELEASED.toAbsolutePath().normalize()
              + ":\n  "
              + String.join("\n  ", problems));
    }
  }

  @Test
  void shouldHoldTheReleasedVersionsWithEveryTypeOfThem() {
    List<ReleasedVersion> released = ReleasedSchemas.load(RELEASED);

    assertThat(released).extracting(ReleasedVersion::version).contains("0.2");
    assertThat(released.get(0).schemas())
        .extracting(Schema::getFullName)
        .contains(
            "io.pitwall.events.Envelope",
            "io.pitwall.events.TrophyEarned",
            "io.pitwall.events.WatchStatusChanged");
  }
}
