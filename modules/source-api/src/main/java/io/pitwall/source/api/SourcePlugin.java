package io.pitwall.source.api;

import io.pitwall.core.SourceWatchRules;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * One upstream as a plugin, found with {@link java.util.ServiceLoader}: a source module lists its
 * implementation in {@code META-INF/services/io.pitwall.source.api.SourcePlugin}. It declares its
 * id, settings, credentials, watch rules (account ids and options), event types and state codec,
 * and starts its pollers from the engine's {@link SourceContext}.
 */
public interface SourcePlugin extends SourceWatchRules {

  /** The source id: the first part of watch keys and the envelope's {@code source}. */
  String id();

  @Override
  default String source() {
    return id();
  }

  /** One line on what the source watches, for help texts. */
  String description();

  /**
   * The plugin's settings, with their full keys ({@code psn.base.url}): type, default, validator,
   * documentation, and {@code PASSWORD} type for secrets (masked wherever shown).
   */
  ConfigDef settings();

  /** How its credentials are configured, or null when it needs none (one default member). */
  CredentialPool credentials();

  /** The event types it publishes. */
  List<EventType> eventTypes();

  /** Its state codec. */
  StateCodec<?> stateCodec();

  /**
   * Builds its pollers, one per member of its credential pool, by member name.
   *
   * @param context what the engine gives it
   */
  Map<String, SourcePoller> pollers(SourceContext context);
}
