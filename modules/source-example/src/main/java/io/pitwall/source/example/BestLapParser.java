package io.pitwall.source.example;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.source.common.UpstreamJson;

/**
 * Reads a best-lap answer strictly through the shared {@link UpstreamJson}: {@code driver}, {@code
 * track} and {@code millis} are required, {@code millis} is a whole number above zero, and the
 * answer must be about the driver asked for. Anything else is an {@link PollOutcome#UPSTREAM_ERROR}
 * whose message names the field path and the problem, by the helper's rules.
 */
public final class BestLapParser {

  private BestLapParser() {}

  /** The wire form: every field required. */
  private record Answer(
      @JsonProperty(value = "driver", required = true) String driver,
      @JsonProperty(value = "track", required = true) String track,
      @JsonProperty(value = "millis", required = true) Long millis) {}

  /**
   * Parses one answer.
   *
   * @param driverId the driver asked for
   * @param body the response body
   * @throws UpstreamException ({@link PollOutcome#UPSTREAM_ERROR}) naming what is wrong
   */
  public static BestLap parse(String driverId, byte[] body) {
    Answer answer;
    try {
      answer = UpstreamJson.read(body, Answer.class);
    } catch (UpstreamJson.Malformed e) {
      throw invalid(e.getMessage());
    }
    if (answer.driver().isBlank() || !answer.driver().equals(driverId)) {
      throw invalid("driver is not the driver asked for");
    }
    if (answer.track().isBlank()) {
      throw invalid("track is blank");
    }
    if (answer.millis() <= 0) {
      throw invalid("millis must be above zero");
    }
    return new BestLap(answer.driver(), answer.track(), answer.millis());
  }

  private static UpstreamException invalid(String problem) {
    return new UpstreamException(
        PollOutcome.UPSTREAM_ERROR, "lap-times best-lap answer invalid: " + problem, null);
  }
}
