package io.pitwall.testkit;

/** A running Kafka broker that tests and the demo connect to. */
public interface KafkaBroker extends AutoCloseable {

  /** The {@code bootstrap.servers} value that reaches this broker. */
  String bootstrapServers();

  /** A short description for logs, e.g. "embedded KRaft broker (Kafka 4.3.1)". */
  String description();

  /** Stops the broker and deletes its data. */
  @Override
  void close();
}
