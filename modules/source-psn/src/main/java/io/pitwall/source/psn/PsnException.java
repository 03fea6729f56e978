package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;

/** A PSN request or poll failed with a named outcome; never carries credentials. */
public class PsnException extends UpstreamException {

  private static final long serialVersionUID = 1L;

  /**
   * @param outcome the named outcome for the watch
   * @param message what failed, without secrets
   */
  public PsnException(PollOutcome outcome, String message) {
    super(outcome, message, null);
  }

  /**
   * @param outcome the named outcome for the watch
   * @param message what failed, without secrets
   * @param cause the underlying failure
   */
  public PsnException(PollOutcome outcome, String message, Throwable cause) {
    super(outcome, message, cause);
  }
}
