package io.pitwall.simulator.psn;

/**
 * Ways the simulator can misbehave on purpose, for tests of what a client does with replies that do
 * not match the docs, or that the real service gives now and then. Each injected fault applies to
 * the next request its {@link Target} matches, and to that request only, so that a client that
 * reads again gets a faithful answer.
 */
public enum PsnFault {
  /** 503 with an HTML error page, as a load balancer in front of an API answers. */
  HTML_ERROR_PAGE(Target.ANY_AUTHENTICATED),
  /** 200 with JSON that lacks required fields. */
  MISSING_FIELDS(Target.ANY_AUTHENTICATED),
  /** 200 with a body cut off in the middle. */
  TRUNCATED_BODY(Target.ANY_AUTHENTICATED),
  /** 200 with a field of the wrong type (a number as a string). */
  WRONG_TYPES(Target.ANY_AUTHENTICATED),
  /**
   * A {@code trophyTitles} page with fewer items than it should hold (the last half of the page
   * dropped), while {@code totalItemCount} and {@code nextOffset} still count them all.
   */
  SHORT_TITLE_LIST(Target.TITLE_LIST),
  /** A {@code trophyTitles} answer of 200 with no items and {@code totalItemCount} 0. */
  EMPTY_TITLE_LIST(Target.TITLE_LIST),
  /**
   * A {@code trophyTitles} answer of 403 code 2240526 ("Not permitted by access control"), as the
   * recorded traffic shows for a private list, although the list is readable.
   */
  PRIVATE_TITLE_LIST(Target.TITLE_LIST),
  /**
   * An account's earned-trophy list of a title cut to its first half, while {@code totalItemCount}
   * still counts every trophy.
   */
  SHORT_EARNED_LIST(Target.EARNED_LIST),
  /**
   * The authorize redirect's {@code Location} is not a valid URI (a malformed escape) but still
   * carries a live {@code code=}.
   */
  MALFORMED_AUTH_REDIRECT(Target.AUTHORIZE);

  /** Which requests a fault applies to. */
  public enum Target {
    /** Any request to an authenticated endpoint. */
    ANY_AUTHENTICATED,
    /** An account's {@code trophyTitles} list. */
    TITLE_LIST,
    /** An account's earned trophies of one title. */
    EARNED_LIST,
    /** The OAuth authorize request. */
    AUTHORIZE
  }

  private final Target target;

  PsnFault(Target target) {
    this.target = target;
  }

  /** The requests this fault applies to. */
  public Target target() {
    return target;
  }
}
