package io.pitwall.app.config;

import io.pitwall.core.WatchParser;
import io.pitwall.events.EventCatalogue;
import io.pitwall.source.api.EventType;
import io.pitwall.source.api.SourcePlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The source plugins on the class path, found with {@link ServiceLoader} (a source module lists its
 * plugin in {@code META-INF/services/io.pitwall.source.api.SourcePlugin}), in id order.
 */
public final class SourcePlugins {

  private static final SourcePlugins INSTALLED = load();

  private final List<SourcePlugin> plugins;
  private final List<EventType> eventTypes;

  private SourcePlugins(List<SourcePlugin> plugins) {
    this.plugins = List.copyOf(plugins);
    List<EventType> types = new ArrayList<>();
    plugins.forEach(
        p -> p.eventTypes().stream().filter(t -> !types.contains(t)).forEach(types::add));
    types.add(EventCatalogue.WATCH_STATUS_CHANGED);
    this.eventTypes = List.copyOf(types);
  }

  /** The plugins installed with this build. */
  public static SourcePlugins installed() {
    return INSTALLED;
  }

  private static SourcePlugins load() {
    List<SourcePlugin> found = new ArrayList<>();
    ServiceLoader.load(SourcePlugin.class).forEach(found::add);
    found.sort(Comparator.comparing(SourcePlugin::id));
    for (int i = 1; i < found.size(); i++) {
      if (found.get(i).id().equals(found.get(i - 1).id())) {
        throw new IllegalStateException(
            "two source plugins have the id '" + found.get(i).id() + "'");
      }
    }
    return new SourcePlugins(found);
  }

  /** Every plugin, in id order. */
  public List<SourcePlugin> all() {
    return plugins;
  }

  /** The plugin of a source id. */
  public Optional<SourcePlugin> byId(String id) {
    return plugins.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The source ids. */
  public List<String> ids() {
    return plugins.stream().map(SourcePlugin::id).toList();
  }

  /**
   * The one watch parser with every plugin's rules.
   *
   * @param credentials the configured credential names by source id, or null to accept any name
   */
  public WatchParser watchParser(Map<String, Set<String>> credentials) {
    return new WatchParser(plugins, credentials);
  }

  /** Every event type Pitwall publishes: the plugins' and the kernel's WatchStatusChanged. */
  public List<EventType> eventTypes() {
    return eventTypes;
  }

  /** The event type of a record, if it is one of Pitwall's events. */
  public Optional<EventType> eventTypeOf(Object record) {
    return eventTypes().stream().filter(t -> t.recordClass().isInstance(record)).findFirst();
  }
}
