package io.pitwall.source.example;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import java.util.stream.Collectors;

/**
 * Reads a best-lap answer strictly with Jackson: {@code driver}, {@code track} and {@code millis}
 * are required, {@code millis} is a whole number above zero, and the answer must be about the
 * driver asked for. Anything else is an {@link PollOutcome#UPSTREAM_ERROR} whose message names the
 * field (never the body, which is not trusted).
 */
public final class BestLapParser {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private BestLapParser() {}

  /** The wire form: every field required. */
  private record Answer(String driver, String track, long millis) {
    @JsonCreator
    Answer(
        @JsonProperty(value = "driver", required = true) String driver,
        @JsonProperty(value = "track", required = true) String track,
        @JsonProperty(value = "millis", required = true) long millis) {
      this.driver = driver;
      this.track = track;
      this.millis = millis;
    }
  }

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
      answer = JSON.readValue(body == null ? new byte[0] : body, Answer.class);
    } catch (JsonMappingException e) {
      throw invalid(
          e.getPath().isEmpty()
              ? "body is not a best-lap object"
              : field(e) + " is missing or not " + expected(field(e)));
    } catch (JsonProcessingException e) {
      throw invalid("body is not JSON");
    } catch (java.io.IOException e) {
      throw invalid("body unreadable");
    }
    if (answer == null) {
      throw invalid("body is not a best-lap object");
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

  private static String field(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String expected(String field) {
    return field.equals("millis") ? "a whole number" : "a string";
  }

  private static UpstreamException invalid(String problem) {
    return new UpstreamException(
        PollOutcome.UPSTREAM_ERROR, "lap-times best-lap answer invalid: " + problem, null);
  }
}
