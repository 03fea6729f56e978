package io.pitwall.app.config;

import io.pitwall.source.api.CredentialPool;
import io.pitwall.source.api.SourcePlugin;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The credential pools of the configuration: {@code psn.npsso} and {@code gridstats.api.key} are
 * each source's {@code default} credential, {@code psn.npsso.<name>} and {@code
 * gridstats.api.key.<name>} add named ones. Values are secrets: problems never show them.
 */
final class CredentialSettings {

  private CredentialSettings() {}

  /**
   * Each source's credentials by name: {@code default} from the plain setting, others from the
   * named family ({@code psn.npsso.<name>}, {@code gridstats.api.key.<name>}); a source without a
   * credential pool (GT Sport) has one member, {@code default}, with no secret.
   */
  static Map<String, Map<String, String>> parse(
      Map<String, String> raw, Map<String, Object> values, List<String> problems) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (SourcePlugin plugin : SourcePlugins.installed().all()) {
      CredentialPool pool = plugin.credentials();
      all.put(
          plugin.id(),
          pool == null
              ? new TreeMap<>(Map.of(PitwallConfig.DEFAULT_CREDENTIAL, ""))
              : named(raw, values, pool.key(), pool.namedPrefix(), problems));
    }
    return all;
  }

  private static Map<String, String> named(
      Map<String, String> raw,
      Map<String, Object> values,
      String plain,
      String prefix,
      List<String> problems) {
    Map<String, String> named = new TreeMap<>();
    if (values.get(plain) != null) {
      named.put(PitwallConfig.DEFAULT_CREDENTIAL, (String) values.get(plain));
    }
    raw.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            String name = key.substring(prefix.length());
            if (!name.matches("[a-z0-9]{1,32}") || name.equals(PitwallConfig.DEFAULT_CREDENTIAL)) {
              problems.add(
                  "Invalid value **** for configuration "
                      + key
                      + ": a credential name is 1 to 32 letters a-z and digits, not 'default'");
            } else if (value == null || value.isBlank()) {
              problems.add("Invalid value **** for configuration " + key + ": must not be blank");
            } else {
              named.put(name, value.trim());
            }
          }
        });
    return named;
  }
}
