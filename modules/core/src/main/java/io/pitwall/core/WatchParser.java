package io.pitwall.core;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one parser of watch definitions, for the configuration file ({@code watch.N = <source>:<id>
 * label=... credential=... minInterval=... maxInterval=... <source options>}) and for the watches
 * topic (a JSON object's fields, read into plain values by the topic reader). One set of rules and
 * limits for both; every rejection carries a stable reason code from {@link #REASONS}.
 */
public final class WatchParser {

  /** Every reason code a rejection can carry. */
  public static final List<String> REASONS =
      List.of(
          "MISSING_KEY",
          "BAD_KEY",
          "UNKNOWN_SOURCE",
          "BAD_ACCOUNT_ID",
          "OVERSIZED",
          "MALFORMED_JSON",
          "NOT_AN_OBJECT",
          "UNKNOWN_FIELD",
          "BAD_FIELD_TYPE",
          "KEY_VALUE_MISMATCH",
          "BAD_LABEL",
          "UNKNOWN_CREDENTIAL",
          "BAD_OPTION",
          "BAD_INTERVAL",
          "PARSE_FAILURE");

  /** Longest label, in characters. */
  public static final int MAX_LABEL_LENGTH = 100;

  /** Longest per-watch interval. */
  public static final Duration MAX_INTERVAL = Duration.ofDays(30);

  /** The fields every watch may have, whatever its source. */
  public static final List<String> COMMON_FIELDS =
      List.of(
          "source", "accountId", "label", "enabled", "credential", "minInterval", "maxInterval");

  private static final Pattern CREDENTIAL_NAME = Pattern.compile("[a-z0-9]{1,32}");

  /** A refused definition: the reason code and a message naming what is wrong. */
  public static final class Rejection extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    /**
     * @param reason one of {@link #REASONS}
     * @param message what is wrong, never a secret
     */
    public Rejection(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** The reason code. */
    public String reason() {
      return reason;
    }
  }

  private final Map<String, SourceWatchRules> sources = new LinkedHashMap<>();
  private final Map<String, Set<String>> credentials;

  /**
   * @param sources the rules of every source there is
   * @param credentials the credential names configured for each source id; a watch naming another
   *     is rejected. Null accepts any well-formed name (tools that do not know the engine's
   *     credentials, such as the operator CLI; the engine still rejects names it has not
   *     configured)
   */
  public WatchParser(
      Collection<? extends SourceWatchRules> sources, Map<String, Set<String>> credentials) {
    for (SourceWatchRules rules : sources) {
      this.sources.put(rules.source(), rules);
    }
    this.credentials = credentials == null ? null : Map.copyOf(credentials);
  }

  /** The source ids known. */
  public Set<String> sources() {
    return sources.keySet();
  }

  /**
   * Parses and checks a key {@code <source>:<accountId>}.
   *
   * @throws Rejection BAD_KEY, UNKNOWN_SOURCE or BAD_ACCOUNT_ID
   */
  public WatchKey key(String text) {
    WatchKey key;
    try {
      key = WatchKey.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Rejection("BAD_KEY", e.getMessage());
    }
    String problem = rules(key).accountIdProblem(key.accountId());
    if (problem != null) {
      throw new Rejection("BAD_ACCOUNT_ID", problem);
    }
    return key;
  }

  /**
   * Parses a configuration value {@code <source>:<accountId> [name=value ...]}.
   *
   * @throws Rejection with the reason
   */
  public WatchDefinition parseText(String text) {
    String[] parts = text.trim().split("\\s+");
    WatchKey key = key(parts[0]);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw unknown(key, part);
      }
      String name = part.substring(0, eq);
      String value = part.substring(eq + 1);
      if (name.equals("source") || name.equals("accountId") || !fieldNames(key).contains(name)) {
        throw unknown(key, part);
      }
      fields.put(name, textValue(key, name, value));
    }
    return definition(key, fields);
  }

  /**
   * Checks a definition's fields (a watches-topic value read into plain Java values: String,
   * Boolean, List, Number or null) against the key and the source's rules.
   *
   * @throws Rejection with the reason
   */
  public WatchDefinition definition(WatchKey key, Map<String, Object> fields) {
    SourceWatchRules rules = rules(key);
    Set<String> known = fieldNames(key);
    for (String name : fields.keySet()) {
      if (!known.contains(name)) {
        throw knownElsewhere(name)
            ? new Rejection(
                "BAD_OPTION",
                "'"
                    + name
                    + "' is not an option of "
                    + key.source()
                    + " watches"
                    + optionsHint(rules))
            : new Rejection("UNKNOWN_FIELD", "unknown field '" + name + "'; fields are " + known);
      }
    }
    for (String name : List.of("source", "accountId")) {
      if (fields.containsKey(name) && !(fields.get(name) instanceof String)) {
        throw new Rejection("BAD_FIELD_TYPE", "source and accountId are required strings");
      }
    }
    if (fields.containsKey("source")
        && (!key.source().equals(fields.get("source"))
            || !key.accountId().equals(fields.get("accountId")))) {
      throw new Rejection(
          "KEY_VALUE_MISMATCH",
          "key "
              + key
              + " disagrees with value "
              + fields.get("source")
              + ":"
              + fields.get("accountId"));
    }
    if (credentials != null && credentials.getOrDefault(key.source(), Set.of()).isEmpty()) {
      throw new Rejection(
          "UNKNOWN_CREDENTIAL",
          "no credential is configured for "
              + key.source()
              + " on this engine, so it cannot poll "
              + key
              + "; configure one and restart (the record is read again then)");
    }
    String label = WatchValues.label(fields.get("label"));
    Boolean enabled = WatchValues.flag(fields, "enabled");
    String credential = credential(key, fields.get("credential"));
    if (credential == null) {
      credential = rules.impliedCredential(key.accountId());
    }
    WatchOptions options = WatchOptions.NONE;
    for (WatchOption option : rules.options()) {
      if (fields.containsKey(option.name()) && fields.get(option.name()) != null) {
        options =
            options.with(option.name(), WatchValues.optionValue(option, fields.get(option.name())));
      }
    }
    Duration min = WatchValues.interval(fields, "minInterval");
    Duration max = WatchValues.interval(fields, "maxInterval");
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new Rejection("BAD_INTERVAL", "minInterval " + min + " exceeds maxInterval " + max);
    }
    return new WatchDefinition(
        key, label, enabled == null || enabled, credential, options, min, max);
  }

  /** The rules of the key's source; an unknown source is refused naming the known ones. */
  private SourceWatchRules rules(WatchKey key) {
    SourceWatchRules rules = sources.get(key.source());
    if (rules == null) {
      throw new Rejection(
          "UNKNOWN_SOURCE",
          "Unknown source '" + key.source() + "': expected one of " + String.join(", ", sources()));
    }
    return rules;
  }

  /** The fields a watch of the key's source may have: the common ones and its options. */
  public Set<String> fieldNames(WatchKey key) {
    Set<String> names = new LinkedHashSet<>(COMMON_FIELDS);
    SourceWatchRules rules = sources.get(key.source());
    if (rules != null) {
      rules.options().forEach(o -> names.add(o.name()));
    }
    return names;
  }

  private boolean knownElsewhere(String name) {
    return sources.values().stream()
        .flatMap(r -> r.options().stream())
        .anyMatch(o -> o.name().equals(name));
  }

  private static String optionsHint(SourceWatchRules rules) {
    return rules.options().isEmpty()
        ? " (it takes none)"
        : "; its options: "
            + String.join(", ", rules.options().stream().map(WatchOption::usage).toList());
  }

  private Rejection unknown(WatchKey key, String part) {
    SourceWatchRules rules = sources.get(key.source());
    StringBuilder usage = new StringBuilder("label=...");
    rules.options().forEach(o -> usage.append(", ").append(o.usage()));
    usage.append(", credential=<name>, enabled=true|false, minInterval=, maxInterval=");
    return new Rejection(
        knownElsewhere(part.contains("=") ? part.substring(0, part.indexOf('=')) : part)
            ? "BAD_OPTION"
            : "UNKNOWN_FIELD",
        "unknown option '"
            + WatchKey.printable(part)
            + "' for a "
            + key.source()
            + " watch (use "
            + usage
            + ")");
  }

  private Object textValue(WatchKey key, String name, String value) {
    if (name.equals("enabled")) {
      return WatchValues.bool(name, value);
    }
    for (WatchOption option : sources.get(key.source()).options()) {
      if (option.name().equals(name)) {
        return option.kind() == WatchOption.Kind.FLAG
            ? WatchValues.bool(name, value)
            : List.of(value.split(",", -1));
      }
    }
    return value;
  }

  private String credential(WatchKey key, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String name) || !CREDENTIAL_NAME.matcher(name).matches()) {
      throw new Rejection(
          "UNKNOWN_CREDENTIAL", "credential must be a name of 1 to 32 letters a-z and digits");
    }
    Set<String> known =
        credentials == null ? null : credentials.getOrDefault(key.source(), Set.of());
    if (known != null && !known.contains(name)) {
      throw new Rejection(
          "UNKNOWN_CREDENTIAL",
          "credential '"
              + name
              + "' is not configured for "
              + key.source()
              + "; known: "
              + new TreeSet<>(known));
    }
    return name;
  }
}
