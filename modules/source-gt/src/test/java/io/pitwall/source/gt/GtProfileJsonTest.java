package io.pitwall.source.gt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class GtProfileJsonTest {

  private static final String GOOD =
      "{\"stats\": {\"user_no\": \"9568550\", \"manufacturer_id\": \"17\","
          + " \"stats\": \"{\\\"ride_car_id\\\": 3253, \\\"nickname\\\": \\\"xGranadier\\\"}\", \"driver_class\": \"4\","
          + " \"driver_point\": \"23630\", \"manner_point\": \"99\", \"race_count\": \"354\", \"driver_photo_id\": \"8295639381191197212-0\"}}";

  @Test
  void shouldParseNumbersInStringsAndTheDocumentInsideTheString() {
    GtProfileStats stats = GtProfileJson.stats("9568550", Buffer.buffer(GOOD));

    assertThat(stats.driverClass()).isEqualTo(4);
    assertThat(stats.driverPoint()).isEqualTo(23_630);
    assertThat(stats.mannerPoint()).isEqualTo(99);
    assertThat(stats.manufacturerId()).isEqualTo(17);
    assertThat(stats.rideCarId()).isEqualTo(3253);
    assertThat(stats.stats()).containsEntry("nickname", "xGranadier");
  }

  @Test
  void shouldNameWhatIsWrongWithABadAnswer() {
    assertOutcome(
        GOOD.replace("\\\"ride_car_id\\\": 3253,", "\\\"ride_car_id\\\": 3253,,"),
        PollOutcome.UPSTREAM_ERROR,
        "stats.stats: not a JSON document (malformed JSON at line 1, column");
    assertOutcome(
        GOOD.replace("\"driver_point\": \"23630\"", "\"driver_point\": \"lots\""),
        PollOutcome.UPSTREAM_ERROR,
        "stats.driver_point: not a number in a string: 'lots'");
    assertOutcome(
        GOOD.replace("\"driver_class\": \"4\"", "\"driver_class\": 4"),
        PollOutcome.UPSTREAM_ERROR,
        "stats.driver_class: not a number in a string: 4");
    assertOutcome(
        "<html>503</html>", PollOutcome.UPSTREAM_ERROR, "body: not JSON (starts with '<html>");
    assertOutcome("{}", PollOutcome.NOT_FOUND, "not found");
  }

  @Test
  void shouldNameThePathOfAMissingNullOrWrongTypedRequiredField() {
    assertOutcome(
        GOOD.replace("\"driver_point\": \"23630\",", ""),
        PollOutcome.UPSTREAM_ERROR,
        "Unexpected GT profile response: stats.driver_point: missing");
    assertOutcome(
        GOOD.replace("\"manner_point\": \"99\"", "\"manner_point\": null"),
        PollOutcome.UPSTREAM_ERROR,
        "stats.manner_point: null");
    assertOutcome(
        GOOD.replaceFirst("\"stats\": \"\\{.*?\\}\"", "\"stats\": {\"ride_car_id\": 3253}"),
        PollOutcome.UPSTREAM_ERROR,
        "stats.stats: not a string");
    assertOutcome(
        GOOD.replace("\"race_count\": \"354\"", "\"race_count\": [354]"),
        PollOutcome.UPSTREAM_ERROR,
        "stats.race_count: not a number in a string: an array");
    assertOutcome(
        GOOD.replace("\"driver_photo_id\": \"8295639381191197212-0\"", "\"driver_photo_id\": 8"),
        PollOutcome.UPSTREAM_ERROR,
        "stats.driver_photo_id: not a string");
    assertOutcome("{\"stats\": 5}", PollOutcome.UPSTREAM_ERROR, "stats: not an object");
    assertOutcome("{\"stats\": null}", PollOutcome.NOT_FOUND, "GT profile 9568550 not found");
  }

  @Test
  void shouldIgnoreFieldsItDoesNotKnowAndTakeOptionalOnesAsAbsent() {
    GtProfileStats stats =
        GtProfileJson.stats(
            "9568550",
            Buffer.buffer(
                GOOD.replace("\"manufacturer_id\": \"17\",", "")
                    .replace(", \"driver_photo_id\": \"8295639381191197212-0\"", "")
                    .replace(
                        "\"user_no\"",
                        "\"ugc_all_count\": \"26\", \"follower_count\": \"37\", \"new\": {\"a\": [1]},"
                            + " \"user_no\"")
                    .replace("}}", "}, \"profile\": {\"id\": \"xGranadier\"}}")));

    assertThat(stats.driverPoint()).isEqualTo(23_630);
    assertThat(stats.manufacturerId()).isNull();
    assertThat(stats.driverPhotoId()).isNull();
  }

  private static void assertOutcome(String body, PollOutcome outcome, String message) {
    assertThatThrownBy(() -> GtProfileJson.stats("9568550", Buffer.buffer(body)))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((UpstreamException) e).outcome()).isEqualTo(outcome));
  }
}
