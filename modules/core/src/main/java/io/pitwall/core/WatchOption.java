package io.pitwall.core;

import java.util.regex.Pattern;

/**
 * An option a source accepts on its watches, beyond the options every watch has (label, credential,
 * enabled, intervals). In configuration it is written {@code name=value}; on the watches topic it
 * is a JSON field of the same name.
 *
 * @param name the option's name, e.g. {@code backfill}
 * @param kind what its value is
 * @param item for {@link Kind#ID_LIST}: what each id looks like; else null
 * @param doc what it does, for help texts and the README
 */
public record WatchOption(String name, Kind kind, Pattern item, String doc) {

  /** The kinds of value an option takes. */
  public enum Kind {
    /** {@code true} or {@code false}; absent means false. */
    FLAG,
    /** A list of ids, each matching {@link #item()}; written {@code a,b,c} in configuration. */
    ID_LIST
  }

  /** A true/false option. */
  public static WatchOption flag(String name, String doc) {
    return new WatchOption(name, Kind.FLAG, null, doc);
  }

  /** A list of ids, each matching {@code item}. */
  public static WatchOption idList(String name, String item, String doc) {
    return new WatchOption(name, Kind.ID_LIST, Pattern.compile(item), doc);
  }

  /**
   * How the option is written in configuration, for usage messages: {@code backfill=true|false}.
   */
  public String usage() {
    return name + (kind == Kind.FLAG ? "=true|false" : "=<id>,<id>");
  }
}
