package io.pitwall.source.gridstats;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.gt.RatingScales;
import io.pitwall.gt.SeriesStanding;
import io.pitwall.source.common.UpstreamJson;
import io.pitwall.source.gridstats.GridstatsClient.Racer;
import io.pitwall.source.gridstats.GridstatsClient.Racers;
import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses gtgridstats bodies: the shapes are the records below, read strictly by {@link
 * UpstreamJson}, so a missing or null required field, a wrong type or a rating that is no rating
 * letter is an {@link PollOutcome#UPSTREAM_ERROR} naming the field's path ({@code
 * drivers[2].stats.dr_points: missing}). Unknown fields are ignored.
 */
final class GridstatsJson {

  private GridstatsJson() {}

  /** A racers answer: the drivers found, by PSN id, and the ids the API does not know. */
  static Racers racers(Buffer body) {
    RacersJson answer = read("racers", body, RacersJson.class);
    Map<String, Racer> found = new HashMap<>();
    for (DriverJson d : answer.drivers()) {
      found.put(d.psnId(), new Racer(d.psnId(), d.dr(), d.sr(), d.stats().drPoints()));
    }
    return new Racers(found, answer.notFound());
  }

  /** A series answer: one standing per driver, keyed {@code seriesId|psn}. */
  static List<SeriesStanding> series(String seriesId, Buffer body) {
    SeriesJson answer = read("series", body, SeriesJson.class);
    return answer.drivers().stream()
        .map(
            d ->
                new SeriesStanding(
                    seriesId + "|" + d.psn(),
                    answer.type(),
                    d.seasonRank(),
                    d.totalPoints(),
                    d.rounds().stream()
                        .map(r -> new SeriesStanding.Round(r.no(), r.points(), r.counted()))
                        .toList()))
        .toList();
  }

  /** A manufacturers answer: id to name. */
  static Map<Integer, String> manufacturers(Buffer body) {
    Map<Integer, String> names = new HashMap<>();
    for (ManufacturerJson m : read("manufacturers", body, ManufacturerJson[].class)) {
      names.put(m.id(), m.name());
    }
    return names;
  }

  /** A car answer: its name, or the identifier asked for when the answer names none. */
  static Optional<String> carName(String identifier, Buffer body) {
    CarJson car = read("car", body, CarJson.class);
    return Optional.of(car.name() == null ? identifier : car.name());
  }

  private static <T> T read(String endpoint, Buffer body, Class<T> type) {
    try {
      return UpstreamJson.read(body == null ? null : body.getBytes(), type);
    } catch (UpstreamJson.Malformed e) {
      throw new UpstreamException(
          PollOutcome.UPSTREAM_ERROR,
          "Unexpected gtgridstats " + endpoint + " response: " + e.getMessage(),
          null);
    }
  }

  /** {@code /api/racers/{ids}}. */
  record RacersJson(
      @JsonProperty(value = "drivers", required = true) List<DriverJson> drivers,
      @JsonProperty(value = "not_found", required = true) List<String> notFound) {}

  /** One driver of a racers answer. */
  record DriverJson(
      @JsonProperty(value = "PSN_ID", required = true) String psnId,
      @JsonProperty(value = "DR", required = true) String dr,
      @JsonProperty(value = "SR", required = true) String sr,
      @JsonProperty(value = "stats", required = true) DriverStatsJson stats) {

    DriverJson {
      requireLetter("DR", dr);
      requireLetter("SR", sr);
    }

    private static void requireLetter(String field, String value) {
      if (!RatingScales.ORDER.contains(value)) {
        throw UpstreamJson.invalid(field, "'" + value + "' is not a rating letter");
      }
    }
  }

  /** A driver's stats: only the points are read. */
  record DriverStatsJson(@JsonProperty(value = "dr_points", required = true) long drPoints) {}

  /** {@code /api/series-{id}/drivers/{ids}}. */
  record SeriesJson(
      @JsonProperty("type") String type,
      @JsonProperty(value = "drivers", required = true) List<SeriesDriverJson> drivers) {}

  /** One driver's standing in a series. */
  record SeriesDriverJson(
      @JsonProperty(value = "psn", required = true) String psn,
      @JsonProperty("season_rank") Integer seasonRank,
      @JsonProperty("total_points") Double totalPoints,
      @JsonProperty(value = "rounds", required = true) List<RoundJson> rounds) {}

  /** One round's result. */
  record RoundJson(
      @JsonProperty(value = "no", required = true) int no,
      @JsonProperty(value = "points", required = true) double points,
      @JsonProperty(value = "is_counted", required = true) boolean counted) {}

  /** One entry of {@code /api/assets/manufacturers/{locale}}. */
  record ManufacturerJson(
      @JsonProperty(value = "id", required = true) int id,
      @JsonProperty(value = "name", required = true) String name) {}

  /** {@code /api/assets/cars/{identifier}/{locale}}: only the name is read. */
  record CarJson(@JsonProperty("name") String name) {}
}
