package io.pitwall.source.api;

import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.common.RequestListener;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * What the engine gives a source plugin to start its pollers with: Vert.x and the shared upstream
 * HTTP client, the plugin's own slice of the configuration, its credential pool, the committed
 * states, and the metrics hooks every source reports through. A plugin's pollers run on the context
 * of the Vert.x instance given here.
 */
public interface SourceContext {

  /** The Vert.x instance the pollers run on (timers, HTTP). */
  Vertx vertx();

  /** The shared Web Client (redirects not followed, user agent {@code pitwall}). */
  WebClient webClient();

  /** The engine's clock (compressed in benchmarks). */
  Clock clock();

  /** The plugin's settings, parsed and validated from its {@link SourcePlugin#settings()}. */
  AbstractConfig config();

  /**
   * The credential pool, by member name ({@code default} for the unnamed one); never empty: a
   * source without configured credentials gets one member {@code default} with an empty secret.
   */
  Map<String, String> credentials();

  /** The topic of one of the plugin's event types, with the configured prefix. */
  String topic(EventType type);

  /** The committed states of the watches. */
  StateStore states();

  /** A budget for a credential, reported as {@code pitwall_budget_tokens{source,credential}}. */
  TokenBucket budget(String credential, int requests, java.time.Duration period);

  /** The listener that counts a credential's requests, 429s and unreadable quota headers. */
  RequestListener listener(String credential);

  /**
   * Reports when a credential expires, as {@code pitwall_credential_expiry_seconds}.
   *
   * @param secondsLeft seconds until expiry, or -1 when unknown
   */
  void credentialExpiry(String credential, LongSupplier secondsLeft);

  /**
   * Offers a service to the other plugins (the gtgridstats catalog names GT cars for the GT Sport
   * profile source). Plugins are started in no particular order: look services up when polling.
   */
  <T> void share(Class<T> type, T service);

  /** A service another plugin shared, if any has. */
  <T> java.util.Optional<T> shared(Class<T> type);
}
