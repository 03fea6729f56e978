package io.pitwall.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.config.SourcePlugins;
import io.pitwall.events.EventCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's event catalogue is the one the schemas generate. */
class ReadmeEventCatalogueTest {

  private static final String START =
      "<!-- event-catalogue:start (generated from avro/ by EventCatalogue; ReadmeEventCatalogueTest checks it) -->";
  private static final String END = "<!-- event-catalogue:end -->";

  @Test
  void readmeCatalogueMatchesTheSchemas() throws IOException {
    Path readme = Paths.get("..", "..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String generated = EventCatalogue.markdown("pitwall.", SourcePlugins.installed().eventTypes());
    Path expected = Paths.get("target", "event-catalogue.md");
    Files.createDirectories(expected.getParent());
    Files.writeString(expected, generated, StandardCharsets.UTF_8);

    assertThat(text).as("README markers").contains(START).contains(END);
    String current =
        text.substring(text.indexOf(START) + START.length(), text.indexOf(END)).strip();
    assertThat(current)
        .as("README event catalogue is stale: replace it with modules/app/" + expected)
        .isEqualTo(generated.strip());
  }

  @Test
  void shouldRenderEveryFieldWithItsType() {
    String catalogue = EventCatalogue.markdown("pitwall.", SourcePlugins.installed().eventTypes());

    assertThat(catalogue)
        .contains("### TrophyEarned", "### DrClassChanged", "### SeriesRoundScored");
    assertThat(catalogue).contains("| `envelope.eventId` | string (uuid) |");
    assertThat(catalogue)
        .contains(
            "| `trophyRare` | null \\| enum TrophyRarity {ULTRA_RARE, VERY_RARE, RARE, COMMON, UNKNOWN} |");
    assertThat(catalogue).contains("Topic `pitwall.gt.series-round-scored`");
  }
}
