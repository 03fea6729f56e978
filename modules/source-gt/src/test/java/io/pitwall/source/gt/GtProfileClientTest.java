package io.pitwall.source.gt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class GtProfileClientTest {

  private static final String GOOD =
      "{\"stats\": {\"user_no\": \"9568550\", \"manufacturer_id\": \"17\","
          + " \"stats\": \"{\\\"ride_car_id\\\": 3253, \\\"nickname\\\": \\\"xGranadier\\\"}\", \"driver_class\": \"4\","
          + " \"driver_point\": \"23630\", \"manner_point\": \"99\", \"race_count\": \"354\", \"driver_photo_id\": \"8295639381191197212-0\"}}";

  @Test
  void shouldParseNumbersInStringsAndTheDocumentInsideTheString() {
    GtProfileStats stats = GtProfileClient.parse("9568550", 200, Buffer.buffer(GOOD));

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
        "stats.stats is not a JSON document");
    assertOutcome(
        GOOD.replace("\"driver_point\": \"23630\"", "\"driver_point\": \"lots\""),
        PollOutcome.UPSTREAM_ERROR,
        "stats.driver_point is not a number in a string: 'lots'");
    assertOutcome(
        GOOD.replace("\"driver_class\": \"4\"", "\"driver_class\": 4"),
        PollOutcome.UPSTREAM_ERROR,
        "stats.driver_class is not a number in a string");
    assertOutcome("<html>503</html>", PollOutcome.UPSTREAM_ERROR, "not a JSON object");
    assertOutcome("{}", PollOutcome.NOT_FOUND, "not found");
  }

  private static void assertOutcome(String body, PollOutcome outcome, String message) {
    assertThatThrownBy(() -> GtProfileClient.parse("9568550", 200, Buffer.buffer(body)))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((UpstreamException) e).outcome()).isEqualTo(outcome));
  }
}
