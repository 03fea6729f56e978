package io.pitwall.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's configuration reference is the one the settings generate. */
class ReadmeConfigReferenceTest {

  private static final String START =
      "<!-- config-reference:start (generated from PitwallSettings by ConfigReference; ReadmeConfigReferenceTest checks it) -->";
  private static final String END = "<!-- config-reference:end -->";

  @Test
  void readmeReferenceMatchesTheSettings() throws Exception {
    String readme = Files.readString(Paths.get("..", "..", "README.md"), StandardCharsets.UTF_8);
    String generated = ConfigReference.markdown();
    Path expected = Paths.get("target", "config-reference.md");
    Files.createDirectories(expected.getParent());
    Files.writeString(expected, generated, StandardCharsets.UTF_8);

    assertThat(readme).contains(START).contains(END);
    assertThat(
            readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END)).strip())
        .as("README configuration reference is stale: replace it with modules/app/" + expected)
        .isEqualTo(generated.strip());
  }
}
