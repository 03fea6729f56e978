package io.pitwall.source.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The best-lap answer is read strictly, and every problem names its field. */
class BestLapParserTest {

  @Test
  void shouldReadAnAnswerAndIgnoreUnknownFields() {
    BestLap lap =
        BestLapParser.parse(
            "ayrton",
            bytes("{\"driver\":\"ayrton\",\"track\":\"monza\",\"millis\":83456,\"x\":1}"));

    assertThat(lap).isEqualTo(new BestLap("ayrton", "monza", 83456));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"driver\":\"ayrton\",\"track\":\"monza\"}|millis: missing",
        "{\"driver\":\"ayrton\",\"track\":\"monza\",\"millis\":\"fast\"}|millis: not an integer",
        "{\"driver\":\"ayrton\",\"track\":\"monza\",\"millis\":83.5}|millis: not an integer",
        "{\"driver\":\"ayrton\",\"millis\":83456}|track: missing",
        "{\"driver\":\"ayrton\",\"track\":null,\"millis\":83456}|track: null",
        "{\"track\":\"monza\",\"millis\":83456}|driver: missing",
        "{\"driver\":\"alain\",\"track\":\"monza\",\"millis\":83456}|driver is not the driver asked for",
        "{\"driver\":\"ayrton\",\"track\":\" \",\"millis\":83456}|track is blank",
        "{\"driver\":\"ayrton\",\"track\":\"monza\",\"millis\":0}|millis must be above zero",
        "[1,2]|body: not an object",
        "<html>|body: not JSON (starts with '<html>')",
        "{\"driver\":\"ayrton\",\"track\":\"monza\",\"millis\":1} {}|body: more content after the JSON value",
      })
  void shouldRefuseABadAnswerNamingTheField(String body, String problem) {
    assertThatThrownBy(() -> BestLapParser.parse("ayrton", bytes(body)))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> assertThat(e.outcome()).isEqualTo(PollOutcome.UPSTREAM_ERROR))
        .hasMessage("lap-times best-lap answer invalid: " + problem);
  }

  @Test
  void shouldRefuseAnEmptyBody() {
    assertThatThrownBy(() -> BestLapParser.parse("ayrton", new byte[0]))
        .isInstanceOf(UpstreamException.class)
        .hasMessageStartingWith("lap-times best-lap answer invalid: ");
    assertThatThrownBy(() -> BestLapParser.parse("ayrton", null))
        .isInstanceOf(UpstreamException.class)
        .hasMessageStartingWith("lap-times best-lap answer invalid: ");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
