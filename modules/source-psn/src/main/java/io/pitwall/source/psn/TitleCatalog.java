package io.pitwall.source.psn;

import io.pitwall.core.psn.TitleEntry;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Title metadata shared by every watch: fetched once per title, trophy-set version and language,
 * however many accounts play the title. Concurrent requests for the same title share one fetch; a
 * failed fetch is forgotten so that the next poll tries again.
 */
public final class TitleCatalog {

  private final PsnApiClient client;
  private final String language;
  private final Map<String, Future<TitleMetadata>> cache = new ConcurrentHashMap<>();

  /**
   * @param client fetches metadata
   * @param language the language the client asks for
   */
  public TitleCatalog(PsnApiClient client, String language) {
    this.client = client;
    this.language = language;
  }

  /** The metadata of the title at its current trophy-set version. */
  public Future<TitleMetadata> metadata(TitleEntry title) {
    String key = title.npCommunicationId() + "|" + title.trophySetVersion() + "|" + language;
    Future<TitleMetadata> cached = cache.computeIfAbsent(key, k -> client.metadata(title));
    return cached.onFailure(e -> cache.remove(key, cached));
  }

  /** Number of cached titles. */
  public int size() {
    return cache.size();
  }
}
