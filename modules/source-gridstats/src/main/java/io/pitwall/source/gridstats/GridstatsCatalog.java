package io.pitwall.source.gridstats;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gtgridstats catalog, for putting names on ids: manufacturers are fetched once per locale and
 * refreshed rarely; cars are looked up once per identifier (internal id, car_code or gt7_code) and
 * locale, unknown ones included. Failed fetches are forgotten so that a later call tries again.
 */
public final class GridstatsCatalog {

  private final GridstatsClient client;
  private final String locale;
  private final Duration refresh;
  private final Clock clock;
  private volatile Future<Map<Integer, String>> manufacturers;
  private volatile Instant manufacturersAt = Instant.MIN;
  private final Map<String, Future<Optional<String>>> cars = new ConcurrentHashMap<>();

  /**
   * @param client the key's client (catalog requests are metered too)
   * @param locale e.g. en or zh
   * @param refresh how long the manufacturer list is trusted
   * @param clock time source
   */
  public GridstatsCatalog(GridstatsClient client, String locale, Duration refresh, Clock clock) {
    this.client = client;
    this.locale = locale;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** The manufacturer's name, or empty when the catalog has no such id. */
  public synchronized Future<Optional<String>> manufacturer(int id) {
    Instant now = clock.instant();
    if (manufacturers == null || manufacturersAt.plus(refresh).isBefore(now)) {
      Future<Map<Integer, String>> fetch = client.manufacturers(locale);
      manufacturers = fetch;
      manufacturersAt = now;
      fetch.onFailure(e -> forgetManufacturers(fetch));
    }
    return manufacturers.map(all -> Optional.ofNullable(all.get(id)));
  }

  /** The car's name, or empty when the catalog has no such car. */
  public Future<Optional<String>> car(String identifier) {
    Future<Optional<String>> cached =
        cars.computeIfAbsent(identifier, id -> client.carName(id, locale));
    return cached.onFailure(e -> cars.remove(identifier, cached));
  }

  private synchronized void forgetManufacturers(Future<Map<Integer, String>> failed) {
    if (manufacturers == failed) {
      manufacturers = null;
    }
  }
}
