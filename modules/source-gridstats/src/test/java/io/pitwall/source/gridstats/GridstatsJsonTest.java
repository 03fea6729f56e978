package io.pitwall.source.gridstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.gt.SeriesStanding;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** gtgridstats bodies, as the API reference shows them, and what a bad one is told. */
class GridstatsJsonTest {

  private static final String DRIVER =
      "{\"PSN_ID\": \"skino2024\", \"Nickname\": \"Skino\", \"GUID\": \"54284943\", \"DR\": \"B\","
          + " \"SR\": \"S\", \"last_sync\": \"2026-05-20 13:59:01\", \"country_code\": \"GB\","
          + " \"stats\": {\"dr_points\": 11027, \"dr_ratio\": 0.05135, \"total_races\": 223,"
          + " \"license\": \"Master\", \"collection_progress\": \"100%\"}}";

  private static final String ROUND = "{\"no\": 1, \"points\": 120, \"is_counted\": true}";

  @Test
  void shouldReadRacersAndIgnoreFieldsItDoesNotKnow() {
    GridstatsClient.Racers racers =
        GridstatsJson.racers(
            body(
                "{\"status\": \"complete\", \"count\": 2, \"not_found\": [\"ghost\"], \"drivers\": ["
                    + DRIVER
                    + ", "
                    + DRIVER.replace("skino2024", "SparksTheory").replace("\"B\"", "\"A+\"")
                    + "]}"));

    assertThat(racers.notFound()).containsExactly("ghost");
    assertThat(racers.drivers())
        .containsEntry("skino2024", new GridstatsClient.Racer("skino2024", "B", "S", 11_027))
        .containsEntry(
            "SparksTheory", new GridstatsClient.Racer("SparksTheory", "A+", "S", 11_027));
  }

  @Test
  void shouldNameThePathOfABadRacersField() {
    String prefix = "Unexpected gtgridstats racers response: ";
    assertUpstreamError(
        () ->
            GridstatsJson.racers(
                racers(DRIVER + ", " + DRIVER.replace("\"dr_points\": 11027,", ""))),
        prefix + "drivers[1].stats.dr_points: missing");
    assertUpstreamError(
        () -> GridstatsJson.racers(racers(DRIVER.replace("\"skino2024\"", "null"))),
        prefix + "drivers[0].PSN_ID: null");
    assertUpstreamError(
        () -> GridstatsJson.racers(racers(DRIVER.replace("11027", "\"11027\""))),
        prefix + "drivers[0].stats.dr_points: not an integer");
    assertUpstreamError(
        () -> GridstatsJson.racers(racers(DRIVER.replace("\"SR\": \"S\"", "\"SR\": \"Z\""))),
        prefix + "drivers[0].SR: 'Z' is not a rating letter");
    assertUpstreamError(
        () ->
            GridstatsJson.racers(
                racers(DRIVER.replace("\"stats\": {", "\"stats\": [{").replace("}}", "}]}"))),
        prefix + "drivers[0].stats: not an object");
    assertUpstreamError(
        () -> GridstatsJson.racers(body("{\"drivers\": []}")), prefix + "not_found: missing");
    assertUpstreamError(
        () -> GridstatsJson.racers(body("{\"drivers\": {}, \"not_found\": []}")),
        prefix + "drivers: not an array");
    assertUpstreamError(
        () -> GridstatsJson.racers(body("<html><body>Bad Gateway</body></html>")),
        prefix + "body: not JSON (starts with '<html><body>Bad Gateway</body></html>')");
  }

  @Test
  void shouldReadASeriesWithItsOptionalRankAndTotal() {
    List<SeriesStanding> standings =
        GridstatsJson.series(
            "1564",
            body(
                "{\"series_id\": \"1564\", \"type\": \"Nations Cup\", \"driver_count\": 2, \"drivers\": ["
                    + "{\"psn\": \"skino2024\", \"season_rank\": 14, \"total_points\": 342, \"rounds\": ["
                    + ROUND
                    + "]},"
                    + " {\"psn\": \"new\", \"season_rank\": null, \"rounds\": []}]}"));

    assertThat(standings)
        .containsExactly(
            new SeriesStanding(
                "1564|skino2024",
                "Nations Cup",
                14,
                342.0,
                List.of(new SeriesStanding.Round(1, 120.0, true))),
            new SeriesStanding("1564|new", "Nations Cup", null, null, List.of()));
  }

  @Test
  void shouldNameThePathOfABadSeriesField() {
    String prefix = "Unexpected gtgridstats series response: ";
    assertUpstreamError(
        () -> GridstatsJson.series("1564", series(ROUND.replace(", \"is_counted\": true", ""))),
        prefix + "drivers[0].rounds[0].is_counted: missing");
    assertUpstreamError(
        () -> GridstatsJson.series("1564", series(ROUND.replace("120", "\"120\""))),
        prefix + "drivers[0].rounds[0].points: not a number");
    assertUpstreamError(
        () -> GridstatsJson.series("1564", series(ROUND.replace("true", "null"))),
        prefix + "drivers[0].rounds[0].is_counted: null");
    assertUpstreamError(
        () ->
            GridstatsJson.series(
                "1564",
                body(
                    "{\"drivers\": [{\"psn\": \"a\", \"season_rank\": \"first\", \"rounds\": []}]}")),
        prefix + "drivers[0].season_rank: not an integer");
  }

  @Test
  void shouldReadTheCatalog() {
    assertThat(
            GridstatsJson.manufacturers(
                body(
                    "[{\"id\": 144, \"name\": \"Suzuki\", \"logo\": \"https://l/s.png\"},"
                        + " {\"id\": 78, \"name\": \"Ferrari\"}]")))
        .isEqualTo(Map.of(144, "Suzuki", 78, "Ferrari"));
    assertThat(
            GridstatsJson.carName(
                "613", body("{\"id\": 613, \"name\": \"Ferrari 430\", \"class\": \"Gr.N\"}")))
        .contains("Ferrari 430");
    assertThat(GridstatsJson.carName("613", body("{\"id\": 613}"))).isEqualTo(Optional.of("613"));

    assertUpstreamError(
        () ->
            GridstatsJson.manufacturers(
                body("[{\"id\": 144, \"name\": \"Suzuki\"}, {\"id\": \"78\", \"name\": \"F\"}]")),
        "Unexpected gtgridstats manufacturers response: [1].id: not an integer");
    assertUpstreamError(
        () -> GridstatsJson.manufacturers(body("{\"id\": 144}")),
        "Unexpected gtgridstats manufacturers response: body: not an array");
    assertUpstreamError(
        () -> GridstatsJson.carName("613", body("{\"name\": 5}")),
        "Unexpected gtgridstats car response: name: not a string");
  }

  private static Buffer racers(String drivers) {
    return body("{\"not_found\": [], \"drivers\": [" + drivers + "]}");
  }

  private static Buffer series(String rounds) {
    return body(
        "{\"type\": \"Nations Cup\", \"drivers\": [{\"psn\": \"a\", \"rounds\": ["
            + rounds
            + "]}]}");
  }

  private static Buffer body(String json) {
    return Buffer.buffer(json);
  }

  private static void assertUpstreamError(ThrowingCallable parse, String message) {
    assertThatThrownBy(parse)
        .isInstanceOf(UpstreamException.class)
        .hasMessage(message)
        .satisfies(
            e ->
                assertThat(((UpstreamException) e).outcome())
                    .isEqualTo(PollOutcome.UPSTREAM_ERROR));
  }
}
