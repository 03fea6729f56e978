package io.pitwall.app.config;

import java.util.List;

/** Configuration is invalid; the message lists every problem, one per line. */
public class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param problems each in the form "Invalid value X for configuration Y: reason"
   */
  public ConfigException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found. */
  public List<String> problems() {
    return problems;
  }
}
