package io.pitwall.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasedSchemasTest {

  private static final String ENVELOPE =
      "{\"type\": \"record\", \"name\": \"Envelope\", \"namespace\": \"x\","
          + " \"fields\": [{\"name\": \"source\", \"type\": \"string\"}]}";
  private static final String EVENT =
      "{\"type\": \"record\", \"name\": \"Event\", \"namespace\": \"x\","
          + " \"fields\": [{\"name\": \"envelope\", \"type\": \"x.Envelope\"}]}";

  @TempDir Path root;

  @Test
  void shouldResolveTypesNamedFromAnotherFileWhateverTheFileOrder() throws IOException {
    // "AEvent.avsc" is read before "Envelope.avsc", which defines the type it names
    write("0.2/AEvent.avsc", EVENT);
    write("0.2/Envelope.avsc", ENVELOPE);

    List<ReleasedVersion> versions = ReleasedSchemas.load(root);

    assertThat(versions).singleElement().extracting(ReleasedVersion::version).isEqualTo("0.2");
    Schema event = versions.get(0).schemas().get(0);
    assertThat(event.getFullName()).isEqualTo("x.Event");
    assertThat(event.getField("envelope").schema().getField("source").schema().getType())
        .isEqualTo(Schema.Type.STRING);
    assertThat(versions.get(0).schemas()).extracting(Schema::getFullName).contains("x.Envelope");
  }

  @Test
  void shouldReadSchemasInSubdirectoriesOfAVersion() throws IOException {
    write("0.2/common/Envelope.avsc", ENVELOPE);
    write("0.2/Event.avsc", EVENT);

    assertThat(ReleasedSchemas.load(root).get(0).schemas())
        .extracting(Schema::getFullName)
        .containsExactlyInAnyOrder("x.Envelope", "x.Event");
  }

  @Test
  void shouldOrderVersionsNumerically() throws IOException {
    for (String version : List.of("0.10", "0.2", "1.0", "0.3")) {
      write(version + "/Envelope.avsc", ENVELOPE);
    }

    assertThat(ReleasedSchemas.load(root))
        .extracting(ReleasedVersion::version)
        .containsExactly("0.2", "0.3", "0.10", "1.0");
  }

  @Test
  void shouldNameTheFileThatCannotBeParsed() throws IOException {
    write("0.2/Envelope.avsc", ENVELOPE);
    Path broken = write("0.2/Broken.avsc", "{\"type\": \"record\", \"name\": ");

    assertThatThrownBy(() -> ReleasedSchemas.load(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Released schema " + broken + " cannot be parsed");
  }

  @Test
  void shouldNameTheFileWhoseTypeNoFileDefines() throws IOException {
    Path event = write("0.2/Event.avsc", EVENT);

    assertThatThrownBy(() -> ReleasedSchemas.load(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(event.toString())
        .hasMessageContaining("x.Envelope");
  }

  @Test
  void shouldRefuseAVersionWithoutSchemas() throws IOException {
    Files.createDirectories(root.resolve("0.2"));

    assertThatThrownBy(() -> ReleasedSchemas.load(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Released version 0.2")
        .hasMessageContaining("holds no .avsc file");
  }

  @Test
  void shouldRefuseAMissingRoot() {
    assertThatThrownBy(() -> ReleasedSchemas.load(root.resolve("nowhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nowhere is not a directory");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
