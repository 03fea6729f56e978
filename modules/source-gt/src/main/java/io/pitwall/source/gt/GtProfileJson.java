package io.pitwall.source.gt;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.source.common.UpstreamJson;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the GT Sport profile API's job 3 answer. Its numbers arrive as strings ({@code
 * "driver_point": "23630"}) and its {@code stats} is a JSON document inside a JSON string: both are
 * read strictly by the record below through {@link UpstreamJson}, and anything else is an {@link
 * PollOutcome#UPSTREAM_ERROR} naming the field's path ({@code stats.driver_point: not a number in a
 * string: 'lots'}). An empty answer ({@code {}}) means the user_no is unknown: {@link
 * PollOutcome#NOT_FOUND}. Unknown fields are ignored.
 */
final class GtProfileJson {

  private GtProfileJson() {}

  /**
   * Parses a job 3 body.
   *
   * @param userNo the profile asked for
   * @param body the answer's body (null when there was none: an unknown profile)
   * @return the profile's stats
   * @throws UpstreamException NOT_FOUND for an empty answer, UPSTREAM_ERROR naming the field of a
   *     bad one
   */
  static GtProfileStats stats(String userNo, Buffer body) {
    ProfileJson answer;
    try {
      answer =
          body == null
              ? new ProfileJson(null)
              : UpstreamJson.read(body.getBytes(), ProfileJson.class);
    } catch (UpstreamJson.Malformed e) {
      throw new UpstreamException(
          PollOutcome.UPSTREAM_ERROR, "Unexpected GT profile response: " + e.getMessage(), null);
    }
    if (answer.stats() == null) {
      throw new UpstreamException(
          PollOutcome.NOT_FOUND, "GT profile " + userNo + " not found (empty answer)", null);
    }
    return answer.stats().toStats(userNo);
  }

  /** The answer: {@code stats} absent or null for an unknown profile. */
  record ProfileJson(StatsJson stats) {}

  /** Job 3's {@code stats} object. */
  record StatsJson(
      @JsonProperty(value = "driver_class", required = true)
          @JsonDeserialize(using = NumberInString.class)
          Long driverClass,
      @JsonProperty(value = "driver_point", required = true)
          @JsonDeserialize(using = NumberInString.class)
          Long driverPoint,
      @JsonProperty(value = "manner_point", required = true)
          @JsonDeserialize(using = NumberInString.class)
          Long mannerPoint,
      @JsonProperty(value = "race_count", required = true)
          @JsonDeserialize(using = NumberInString.class)
          Long raceCount,
      @JsonProperty("driver_photo_id") String driverPhotoId,
      @JsonProperty("manufacturer_id") @JsonDeserialize(using = NumberInString.class)
          Long manufacturerId,
      @JsonProperty(value = "stats", required = true)
          @JsonDeserialize(using = DocumentInString.class)
          Map<String, Object> document) {

    GtProfileStats toStats(String userNo) {
      Integer rideCar = document.get("ride_car_id") instanceof Number car ? car.intValue() : null;
      return new GtProfileStats(
          userNo,
          driverClass.intValue(),
          driverPoint,
          mannerPoint.intValue(),
          raceCount.intValue(),
          driverPhotoId,
          manufacturerId == null ? null : manufacturerId.intValue(),
          rideCar,
          document);
    }
  }

  /** A whole number written as a JSON string, {@code "23630"}; a bare number is refused. */
  static final class NumberInString extends StdDeserializer<Long> {

    private static final long serialVersionUID = 1L;
    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");

    NumberInString() {
      super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        String found =
            p.currentToken().isScalarValue()
                ? p.getText()
                : p.hasToken(JsonToken.START_ARRAY) ? "an array" : "an object";
        throw UpstreamJson.invalid("not a number in a string: " + found);
      }
      String text = p.getText();
      if (!DIGITS.matcher(text).matches()) {
        throw UpstreamJson.invalid("not a number in a string: '" + text + "'");
      }
      return Long.parseLong(text);
    }
  }

  /** A JSON object written inside a JSON string, as job 3's {@code stats.stats}. */
  static final class DocumentInString extends StdDeserializer<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    DocumentInString() {
      super(Map.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw UpstreamJson.invalid("not a string");
      }
      try {
        return UpstreamJson.read(p.getText(), Map.class);
      } catch (UpstreamJson.Malformed e) {
        throw UpstreamJson.invalid(
            "not a JSON document ("
                + (e.path().isEmpty() ? "" : e.path() + ": ")
                + e.problem()
                + ")");
      }
    }
  }
}
