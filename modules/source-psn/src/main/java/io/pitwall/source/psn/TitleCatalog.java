package io.pitwall.source.psn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.pitwall.source.psn.diff.TitleEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Title metadata shared by every watch and every credential of the pool: fetched once per title,
 * trophy-set version and language, however many accounts play the title, through the client of the
 * credential whose poll needs it (so that a dead or paused credential never fails another's poll).
 * Concurrent requests for the same title share one fetch; a failed fetch is not kept, so the next
 * poll tries again.
 *
 * <p>The cache is bounded ({@link #MAX_TROPHIES} trophies in all, weighed by each title's number of
 * trophies), forgets a title unused for {@link #IDLE} and any title after {@link #MAX_AGE}. An
 * answer for another trophy-set version than the one asked for (the title list and the metadata
 * endpoint disagree for a moment) serves the poll that asked but is kept only under its own
 * version, never under the asked one.
 */
public final class TitleCatalog {

  /** The most trophies the cache holds, over all its titles. */
  public static final long MAX_TROPHIES = 50_000;

  /** How long a title nobody asks for stays. */
  public static final Duration IDLE = Duration.ofHours(24);

  /** How long any title stays, asked for or not. */
  public static final Duration MAX_AGE = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(TitleCatalog.class);

  /** A title at one trophy-set version, in one language. */
  private record Key(String npCommunicationId, String trophySetVersion, String language) {}

  private final String language;
  private final Cache<Key, TitleMetadata> cache;
  private final Map<Key, Future<TitleMetadata>> inFlight = new ConcurrentHashMap<>();

  /**
   * @param language the language the clients ask for
   */
  public TitleCatalog(String language) {
    this(language, MAX_TROPHIES, Ticker.systemTicker());
  }

  /** A catalog with another bound and time source (tests). */
  TitleCatalog(String language, long maxTrophies, Ticker ticker) {
    this.language = language;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxTrophies)
            .<Key, TitleMetadata>weigher((key, meta) -> Math.max(1, meta.trophies().size()))
            .expireAfterAccess(IDLE)
            .expireAfterWrite(MAX_AGE)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
  }

  /**
   * The metadata of the title at its current trophy-set version.
   *
   * @param client the client of the credential doing the poll, used when the title is not cached
   * @param title the title, as the account's list shows it
   */
  public Future<TitleMetadata> metadata(PsnApiClient client, TitleEntry title) {
    Key asked = key(title.npCommunicationId(), title.trophySetVersion());
    TitleMetadata cached = cache.getIfPresent(asked);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    Future<TitleMetadata> pending = inFlight.get(asked);
    if (pending != null) {
      return pending;
    }
    Promise<TitleMetadata> promise = Promise.promise();
    Future<TitleMetadata> mine = promise.future();
    Future<TitleMetadata> raced = inFlight.putIfAbsent(asked, mine);
    if (raced != null) {
      return raced;
    }
    client
        .metadata(title)
        .onComplete(
            done -> {
              // cached before any caller continues, so the next poll finds it
              inFlight.remove(asked, mine);
              if (done.succeeded()) {
                keep(title, done.result());
              }
              promise.handle(done);
            });
    return mine;
  }

  /** Caches an answer under the version it describes, whatever version was asked for. */
  private void keep(TitleEntry title, TitleMetadata meta) {
    if (!title.trophySetVersion().equals(meta.trophySetVersion())) {
      LOG.info(
          "{}: asked for trophy set {}, PSN answered {}; kept under {} only",
          title.npCommunicationId(),
          title.trophySetVersion(),
          meta.trophySetVersion(),
          meta.trophySetVersion());
    }
    cache.put(key(title.npCommunicationId(), meta.trophySetVersion()), meta);
  }

  /** Number of cached titles (an estimate while evictions are pending). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** The trophies the cache holds, over all its titles. */
  public long trophies() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  private Key key(String npCommunicationId, String trophySetVersion) {
    return new Key(npCommunicationId, trophySetVersion, language);
  }
}
