package io.pitwall.events.schema;

/**
 * One of the two directions FULL_TRANSITIVE compatibility asks for between a current schema and a
 * released one.
 */
public enum ReadDirection {
  /** Readers built on the released schema decode events written with the current one. */
  OLD_READERS_NEW_EVENTS("old readers cannot read new events", "released", "current"),
  /** Readers built on the current schema decode events written with the released one. */
  NEW_READERS_OLD_EVENTS("new readers cannot read old events", "current", "released");

  private final String failure;
  private final String readerSide;
  private final String writerSide;

  ReadDirection(String failure, String readerSide, String writerSide) {
    this.failure = failure;
    this.readerSide = readerSide;
    this.writerSide = writerSide;
  }

  /** What breaks when this direction fails, e.g. "old readers cannot read new events". */
  public String failure() {
    return failure;
  }

  /** Which schema reads in this direction: "released" or "current". */
  public String readerSide() {
    return readerSide;
  }

  /** Which schema wrote the events in this direction: "current" or "released". */
  public String writerSide() {
    return writerSide;
  }
}
