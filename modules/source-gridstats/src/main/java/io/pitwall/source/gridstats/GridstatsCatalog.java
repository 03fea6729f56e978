package io.pitwall.source.gridstats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.pitwall.gt.GtCatalog;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The gtgridstats catalog, for putting names on ids: the manufacturer list is fetched once per
 * locale and trusted for the refresh period; a car is looked up once per identifier (internal id,
 * car_code or gt7_code), unknown ones included, and trusted as long. Concurrent lookups of the same
 * thing share one fetch; a failed fetch is not kept, so that a later call tries again.
 *
 * <p>Both are Caffeine caches with a bound and an expiry, like the PSN title catalog: at most
 * {@link #MAX_CARS} cars (the least used go first), and every answer is forgotten after the refresh
 * period, so that a car added to the catalog later is found and a renamed one renamed.
 *
 * <p>The catalog is one cache for the whole key pool, and no lookup depends on one member: each
 * goes first through the member that answered last, and when that one fails (a revoked key's 401, a
 * hung key's timeout, its quota's 429) through the next member, so that a dead member costs one
 * failed request and the healthy ones keep answering.
 */
public final class GridstatsCatalog implements GtCatalog {

  /** The most car names the catalog holds. */
  public static final long MAX_CARS = 10_000;

  private final List<GridstatsClient> members;
  private final String locale;
  private final Cache<String, Future<Map<Integer, String>>> manufacturers;
  private final Cache<String, Future<Optional<String>>> cars;
  private volatile int preferred;

  /**
   * @param members the pool's clients, one per key (catalog requests are metered too)
   * @param locale e.g. en or zh
   * @param refresh how long an answer (the manufacturer list, a car's name) is trusted
   * @param clock time source of the expiry
   */
  public GridstatsCatalog(
      List<GridstatsClient> members, String locale, Duration refresh, Clock clock) {
    this(members, locale, refresh, clock, MAX_CARS);
  }

  /** A catalog with another bound on cars (tests). */
  GridstatsCatalog(
      List<GridstatsClient> members, String locale, Duration refresh, Clock clock, long maxCars) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a gtgridstats catalog needs at least one key");
    }
    this.members = List.copyOf(members);
    this.locale = locale;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.manufacturers =
        Caffeine.newBuilder().maximumSize(1).expireAfterWrite(refresh).ticker(ticker).build();
    this.cars =
        Caffeine.newBuilder().maximumSize(maxCars).expireAfterWrite(refresh).ticker(ticker).build();
  }

  /** The manufacturer's name, or empty when the catalog has no such id. */
  public Future<Optional<String>> manufacturer(int id) {
    return shared(manufacturers, locale, l -> viaPool(client -> client.manufacturers(l)))
        .map(all -> Optional.ofNullable(all.get(id)));
  }

  /** The car's name, or empty when the catalog has no such car. */
  public Future<Optional<String>> car(String identifier) {
    return shared(cars, identifier, id -> viaPool(client -> client.carName(id, locale)));
  }

  /** Number of cached car names (an estimate while evictions are pending). */
  public long cars() {
    cars.cleanUp();
    return cars.estimatedSize();
  }

  /**
   * The cached answer, or the one fetch in flight, or a new fetch. An entry's age counts from the
   * fetch's start. A failed fetch is removed before any caller hears of the failure, so that a
   * caller's retry fetches again.
   */
  private static <V> Future<V> shared(
      Cache<String, Future<V>> cache, String key, Function<String, Future<V>> fetch) {
    Future<V> answer = cache.get(key, fetch);
    return answer.onFailure(e -> cache.asMap().remove(key, answer));
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
}
