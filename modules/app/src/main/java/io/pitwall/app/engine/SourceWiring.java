package io.pitwall.app.engine;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.api.EventType;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.SourcePlugin;
import io.pitwall.source.api.SourcePoller;
import io.pitwall.source.api.StateStore;
import io.pitwall.source.common.RequestListener;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * Starts every installed source plugin's pollers, each plugin from a {@link SourceContext} of its
 * own: its slice of the configuration, its credential pool, and metrics labelled with its id. A
 * service one plugin shares reaches the others through {@link SharedServices}, so that its calls
 * run on the owner's polling verticle.
 */
final class SourceWiring {

  private final Vertx vertx;
  private final PitwallConfig config;
  private final Clock clock;
  private final PitwallMetrics metrics;
  private final StateStore states;
  private final WebClient http;
  private final PollingViews views;
  private final Map<Class<?>, Shared> shared = new ConcurrentHashMap<>();
  private volatile java.util.function.Function<String, io.vertx.core.Context> contexts =
      source -> null;

  /** A shared service and the plugin that shared it. */
  private record Shared(String owner, Object service) {}

  SourceWiring(
      Vertx vertx,
      PitwallConfig config,
      Clock clock,
      PitwallMetrics metrics,
      StateStore states,
      PollingViews views) {
    this.vertx = vertx;
    this.views = views;
    this.config = config;
    this.clock = clock;
    this.metrics = metrics;
    this.states = states;
    this.http =
        WebClient.create(
            vertx, new WebClientOptions().setFollowRedirects(false).setUserAgent("pitwall"));
  }

  /** One poller per credential of every source, by credential id ({@code <source>/<name>}). */
  Map<String, SourcePoller> pollers() {
    Map<String, SourcePoller> pollers = new LinkedHashMap<>();
    for (SourcePlugin plugin : SourcePlugins.installed().all()) {
      plugin
          .pollers(new PluginContext(plugin))
          .forEach(
              (name, poller) ->
                  pollers.put(WatchScheduler.credentialId(plugin.id(), name), poller));
    }
    return pollers;
  }

  /**
   * Where each source's polling verticle runs, once they are deployed: a shared service's calls
   * from another plugin go there.
   */
  void contexts(java.util.function.Function<String, io.vertx.core.Context> contexts) {
    this.contexts = contexts;
  }

  /** The credential names of each source, from the pollers by credential id. */
  static Map<String, Set<String>> credentialNames(Map<String, SourcePoller> pollers) {
    Map<String, Set<String>> names = new TreeMap<>();
    pollers.forEach(
        (id, poller) ->
            names
                .computeIfAbsent(poller.source(), s -> new TreeSet<>())
                .add(id.substring(id.indexOf('/') + 1)));
    return names;
  }

  /** What one plugin sees of the engine. */
  private final class PluginContext implements SourceContext {
    private final SourcePlugin plugin;
    private final AbstractConfig own;

    PluginContext(SourcePlugin plugin) {
      this.plugin = plugin;
      this.own = config.pluginConfig(plugin);
    }

    @Override
    public Vertx vertx() {
      return vertx;
    }

    @Override
    public WebClient webClient() {
      return http;
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public AbstractConfig config() {
      return own;
    }

    /** The pool; without any configured member, one default member (whose sign-in fails). */
    @Override
    public Map<String, String> credentials() {
      Map<String, String> pool = config.credentials(plugin.id());
      return pool == null || pool.isEmpty() ? Map.of(PitwallConfig.DEFAULT_CREDENTIAL, "") : pool;
    }

    @Override
    public String topic(EventType type) {
      return type.topic(config.string(PitwallSettings.TOPIC_PREFIX));
    }

    @Override
    public StateStore states() {
      return states;
    }

    @Override
    public TokenBucket budget(String credential, int requests, Duration period) {
      TokenBucket bucket = new TokenBucket(clock, requests, period);
      String id = WatchScheduler.credentialId(plugin.id(), credential);
      // read from the verticle's view: the bucket itself belongs to the verticle's context
      metrics.budgetTokens(plugin.id(), credential, () -> views.budget(id).available());
      return bucket;
    }

    /** Counts a source's requests, its credential's 429s, and its unreadable quota headers. */
    @Override
    public RequestListener listener(String credential) {
      String source = plugin.id();
      metrics.rateLimited(source, credential, 0);
      return new RequestListener() {
        @Override
        public void onRequest(String endpoint, int status, Duration latency) {
          metrics.request(source, endpoint, status, latency);
          if (status == 429) {
            metrics.rateLimited(source, credential, 1);
          }
        }

        @Override
        public void onQuotaHeadersUnreadable(String endpoint, List<String> headers) {
          metrics.quotaHeadersUnreadable(source);
        }
      };
    }

    @Override
    public void credentialExpiry(String credential, LongSupplier secondsLeft) {
      metrics.credentialExpiry(plugin.id(), credential, secondsLeft::getAsLong);
    }

    @Override
    public <T> void share(Class<T> type, T service) {
      shared.put(type, new Shared(plugin.id(), service));
    }

    @Override
    public <T> Optional<T> shared(Class<T> type) {
      Shared found = shared.get(type);
      if (found == null) {
        return Optional.empty();
      }
      T service = type.cast(found.service());
      if (found.owner().equals(plugin.id())) {
        return Optional.of(service);
      }
      return Optional.of(SharedServices.bridge(type, service, () -> contexts.apply(found.owner())));
    }
  }
}
