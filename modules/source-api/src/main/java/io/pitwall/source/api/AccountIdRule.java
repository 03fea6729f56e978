package io.pitwall.source.api;

import io.pitwall.core.WatchKey;
import java.util.regex.Pattern;

/**
 * What a source's account ids look like, so that nothing else ('/', '..', whitespace, control
 * characters, an over-long id) can reach a URL.
 *
 * @param pattern the whole id must match it
 * @param whatItIs the rule in words, e.g. "a GT Sport user_no is a number"
 */
public record AccountIdRule(Pattern pattern, String whatItIs) {

  /** A rule from a regular expression. */
  public static AccountIdRule of(String regex, String whatItIs) {
    return new AccountIdRule(Pattern.compile(regex), whatItIs);
  }

  /**
   * Checks an id.
   *
   * @return null when valid, else "{whatItIs}, not '{id}'" (the id shown printable and cut short)
   */
  public String problem(String accountId) {
    return pattern.matcher(accountId).matches()
        ? null
        : whatItIs + ", not '" + WatchKey.printable(accountId) + "'";
  }
}
