package io.pitwall.core;

import java.util.regex.Pattern;

/**
 * What an account id of each source may look like. Anything else (a '/', '..', whitespace, control
 * characters, an over-long id) is refused before it can reach a URL.
 */
public final class AccountIds {

  private static final Pattern PSN = Pattern.compile("me|[0-9]{1,20}");
  private static final Pattern GT = Pattern.compile("[0-9]{1,12}");
  private static final Pattern GRIDSTATS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{2,15}");

  private AccountIds() {}

  /**
   * Checks an id.
   *
   * @return null when valid, else the reason
   */
  public static String problem(Source source, String id) {
    return switch (source) {
      case PSN ->
          PSN.matcher(id).matches()
              ? null
              : "a PSN account id is 'me' or a number, not '" + printable(id) + "'";
      case GT ->
          GT.matcher(id).matches()
              ? null
              : "a GT Sport user_no is a number, not '" + printable(id) + "'";
      case GRIDSTATS ->
          GRIDSTATS.matcher(id).matches()
              ? null
              : "'" + printable(id) + "' is not a PSN online id (3-16 letters, digits, '_' or '-')";
    };
  }

  private static String printable(String id) {
    String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
