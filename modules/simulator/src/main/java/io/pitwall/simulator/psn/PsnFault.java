package io.pitwall.simulator.psn;

/**
 * Ways the simulator can misbehave on purpose, for tests of what a client does with replies that do
 * not match the docs.
 */
public enum PsnFault {
  /** 503 with an HTML error page, as a load balancer in front of an API answers. */
  HTML_ERROR_PAGE,
  /** 200 with JSON that lacks required fields. */
  MISSING_FIELDS,
  /** 200 with a body cut off in the middle. */
  TRUNCATED_BODY,
  /** 200 with a field of the wrong type (a number as a string). */
  WRONG_TYPES
}
