package io.pitwall.core;

/**
 * How a poll of a watch ended. Each failure is a distinct, named outcome: logged, counted, and
 * (later) published as the watch's status, never a generic failure.
 */
public enum PollOutcome {
  /** The poll read the upstream and published what changed (possibly nothing). */
  OK,
  /** The upstream does not know the account (PSN 404 code 2240525). */
  NOT_FOUND,
  /** The account's list is private to the credential (PSN 403 code 2240526). */
  PRIVATE,
  /** The credential no longer signs in (npsso rejected with login_required, refresh refused). */
  AUTH_EXPIRED,
  /** The upstream refused for rate (429) and the budget is paused until its hint. */
  RATE_LIMITED,
  /** The upstream failed or answered something that does not match its docs. */
  UPSTREAM_ERROR
}
