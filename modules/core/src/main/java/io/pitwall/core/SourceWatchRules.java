package io.pitwall.core;

import java.util.List;

/**
 * What a source says about its watches: which account ids are valid, and which options a watch of
 * it may carry. Every source plugin gives one; the {@link WatchParser} applies them.
 */
public interface SourceWatchRules {

  /** The source's id, as in watch keys: {@code psn}. */
  String source();

  /**
   * Checks an account id before it can reach a URL (no '/', '..', whitespace, control characters,
   * over-long ids).
   *
   * @return null when valid, else the reason, e.g. "a PSN account id is 'me' or a number, not 'x'"
   */
  String accountIdProblem(String accountId);

  /** The options its watches take besides the common ones; empty for none. */
  List<WatchOption> options();

  /**
   * The credential a watch of this account uses when it names none, or null to spread it over the
   * pool (PSN: {@code psn:me} names the signed-in identity's own account, so it uses {@code
   * default}).
   */
  default String impliedCredential(String accountId) {
    return null;
  }
}
