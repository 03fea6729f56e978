package io.pitwall.source.gridstats;

import io.pitwall.gt.GtCatalog;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The gtgridstats catalog, for putting names on ids: manufacturers are fetched once per locale and
 * refreshed rarely; cars are looked up once per identifier (internal id, car_code or gt7_code) and
 * locale, unknown ones included. Failed fetches are forgotten so that a later call tries again.
 *
 * <p>The catalog is one cache for the whole key pool, and no lookup depends on one member: each
 * goes first through the member that answered last, and when that one fails (a revoked key's 401, a
 * hung key's timeout, its quota's 429) through the next member, so that a dead member costs one
 * failed request and the healthy ones keep answering.
 */
public final class GridstatsCatalog implements GtCatalog {

  private final List<GridstatsClient> members;
  private final String locale;
  private final Duration refresh;
  private final Clock clock;
  private volatile int preferred;
  private volatile Future<Map<Integer, String>> manufacturers;
  private volatile Instant manufacturersAt = Instant.MIN;
  private final Map<String, Future<Optional<String>>> cars = new ConcurrentHashMap<>();

  /**
   * @param members the pool's clients, one per key (catalog requests are metered too)
   * @param locale e.g. en or zh
   * @param refresh how long the manufacturer list is trusted
   * @param clock time source
   */
  public GridstatsCatalog(
      List<GridstatsClient> members, String locale, Duration refresh, Clock clock) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a gtgridstats catalog needs at least one key");
    }
    this.members = List.copyOf(members);
    this.locale = locale;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** The manufacturer's name, or empty when the catalog has no such id. */
  public synchronized Future<Optional<String>> manufacturer(int id) {
    Instant now = clock.instant();
    if (manufacturers == null || manufacturersAt.plus(refresh).isBefore(now)) {
      Future<Map<Integer, String>> fetch = viaPool(client -> client.manufacturers(locale));
      manufacturers = fetch;
      manufacturersAt = now;
      fetch.onFailure(e -> forgetManufacturers(fetch));
    }
    return manufacturers.map(all -> Optional.ofNullable(all.get(id)));
  }

  /** The car's name, or empty when the catalog has no such car. */
  public Future<Optional<String>> car(String identifier) {
    Future<Optional<String>> cached =
        cars.computeIfAbsent(identifier, id -> viaPool(client -> client.carName(id, locale)));
    return cached.onFailure(e -> cars.remove(identifier, cached));
  }

  /** Asks the member that answered last, then each other in turn; fails when all of them fail. */
  private <T> Future<T> viaPool(Function<GridstatsClient, Future<T>> lookup) {
    int first = preferred;
    return attempt(lookup, first, 0);
  }

  private <T> Future<T> attempt(Function<GridstatsClient, Future<T>> lookup, int first, int tried) {
    int index = (first + tried) % members.size();
    return lookup
        .apply(members.get(index))
        .onSuccess(v -> preferred = index)
        .recover(
            e ->
                tried + 1 < members.size()
                    ? attempt(lookup, first, tried + 1)
                    : Future.failedFuture(e));
  }

  private synchronized void forgetManufacturers(Future<Map<Integer, String>> failed) {
    if (manufacturers == failed) {
      manufacturers = null;
    }
  }
}
