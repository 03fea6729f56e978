package io.pitwall.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.events.TrophyEarned;
import io.pitwall.source.api.EventType;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pitwall's events through Kafka Connect into PostgreSQL, with real parts only: the engine jar
 * publishing against the simulator ({@link PublishedEvents}: every event type, an aborted
 * transaction, a record that is no Avro at all), a Kafka Connect 4.3.1 worker from Maven Central
 * jars with the Debezium JDBC sink 3.6.0 and the Apicurio Avro converter, configured exactly by
 * {@code deploy/connect} (only addresses, the topic prefix and the dead-letter topic's replication
 * are this machine's), and a PostgreSQL cluster of its own from the operating system's package,
 * holding {@code deploy/connect/pitwall-tables.sql}.
 */
class ConnectJdbcSinkIT {

  private static final String CONNECTOR = "pitwall-jdbc-sink";
  private static final Map<EventType, String> TABLES =
      Map.of(
          io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED, "trophy_earned",
          io.pitwall.gt.GtEventTypes.DR_CLASS_CHANGED, "dr_class_changed",
          io.pitwall.gt.GtEventTypes.SAFETY_RATING_CHANGED, "safety_rating_changed",
          io.pitwall.gt.GtEventTypes.SERIES_ROUND_SCORED, "series_round_scored",
          io.pitwall.events.EventCatalogue.WATCH_STATUS_CHANGED, "watch_status_changed");

  private static PostgresCluster postgres;
  private static ConnectWorker connect;
  private static PublishedEvents events;

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresCluster.start("pitwall");
    postgres.execute(Files.readString(ConnectWorker.deploy("pitwall-tables.sql")));
    // the worker takes ~15 s to scan its plugins: start it while the engine publishes
    CompletableFuture<ConnectWorker> worker =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return ConnectWorker.start(
                    TestKafka.bootstrapServers(),
                    Paths.get("target", "connect-it"),
                    PostgresCluster.PASSWORD);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      events = PublishedEvents.get();
    } finally {
      connect = worker.join();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (connect != null) {
      connect.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void shouldWriteExactlyTheCommittedEventsOncePerEventId() throws Exception {
    Map<String, String> config = connectorConfig();
    String dlq = config.get("errors.deadletterqueue.topic.name");
    assertThat(events.aborted())
        .as("the aborted transaction held account A's trophies")
        .anyMatch(e -> e instanceof TrophyEarned);
    assertThat(events.undecodable()).isEqualTo(1);
    connect.create(CONNECTOR, config);

    await()
        .atMost(Duration.ofSeconds(120))
        .failFast(
            "the sink's task failed: " + connect.logTail(),
            () -> "FAILED".equals(connect.taskState(CONNECTOR)))
        .untilAsserted(() -> assertTablesEqualCommittedEvents());
    await().atMost(Duration.ofSeconds(30)).until(() -> TestTopics.readCommitted(dlq).size() == 1);
    assertThat(connect.taskState(CONNECTOR)).isEqualTo("RUNNING");

    // the bad record went to the dead-letter queue, with Connect's error context
    ConsumerRecord<String, byte[]> letter = TestTopics.readCommitted(dlq).get(0);
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not an Avro record");
    assertThat(header(letter, "__connect.errors.topic"))
        .isEqualTo(events.topic(io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED));
    assertThat(header(letter, "__connect.errors.stage")).isEqualTo("VALUE_CONVERTER");

    // no event of the aborted transaction reached a table
    List<String> abortedIds = events.aborted().stream().map(EventFields::eventId).toList();
    for (String table : TABLES.values()) {
      assertThat(rows(table).keySet()).doesNotContainAnyElementsOf(abortedIds);
    }

    // the times are timestamptz (the shipped DDL, not the sink's auto-created columns)
    assertThat(columnTypes("trophy_earned"))
        .containsEntry("detected_at", "timestamp with time zone")
        .containsEntry("event_time", "timestamp with time zone")
        .containsEntry("trophytype", "text");

    // replaying every topic from the beginning adds no row and changes none
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String table : TABLES.values()) {
      counts.put(table, rows(table).size());
    }
    connect.replayFromBeginning(CONNECTOR);
    await()
        .atMost(Duration.ofSeconds(120))
        .failFast(
            "the sink's task failed: " + connect.logTail(),
            () -> "FAILED".equals(connect.taskState(CONNECTOR)))
        .until(() -> TestTopics.readCommitted(dlq).size() == 2 && caughtUp(config));
    assertTablesEqualCommittedEvents();
    for (String table : TABLES.values()) {
      assertThat(rows(table)).as(table).hasSize(counts.get(table));
    }
    assertThat(connect.taskState(CONNECTOR)).isEqualTo("RUNNING");
    assertThat(connect.log()).doesNotContain(PostgresCluster.PASSWORD);
  }

  /** Each table holds exactly one row per committed event of its topic, equal to the event. */
  private void assertTablesEqualCommittedEvents() throws Exception {
    for (Map.Entry<EventType, String> table : TABLES.entrySet()) {
      Map<String, Map<String, Object>> expected = new HashMap<>();
      for (SpecificRecord event : events.committed(table.getKey())) {
        expected.put(EventFields.eventId(event), EventFields.row(event));
      }
      assertThat(expected).as(table.getValue() + " has events").isNotEmpty();
      assertThat(rows(table.getValue())).as(table.getValue()).isEqualTo(expected);
    }
  }

  /** The connector's configuration: deploy/connect's, with this machine's addresses. */
  private static Map<String, String> connectorConfig() throws Exception {
    JsonNode file =
        new ObjectMapper().readTree(ConnectWorker.deploy("pitwall-jdbc-sink.json").toFile());
    assertThat(file.get("name").asText()).isEqualTo(CONNECTOR);
    Map<String, String> config =
        new ObjectMapper().convertValue(file.get("config"), new TypeReference<>() {});
    String prefix = events.prefix();
    config.put("topics", config.get("topics").replace("pitwall.", prefix));
    config.put(
        "errors.deadletterqueue.topic.name",
        config.get("errors.deadletterqueue.topic.name").replace("pitwall.", prefix));
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put(
        "value.converter.apicurio.registry.url",
        TestSchemaRegistry.url().replace("/apis/ccompat/v7", "/apis/registry/v2"));
    config.put("connection.url", postgres.jdbcUrl());
    config.put("connection.username", postgres.user());
    assertThat(config.get("topics").split(","))
        .containsExactlyInAnyOrderElementsOf(events.topics());
    return config;
  }

  /**
   * Whether the sink's consumer group committed, in every topic, the offset after its last record
   * (a topic's end is a transaction's commit marker, which a sink does not count).
   */
  private static boolean caughtUp(Map<String, String> config) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets("connect-" + CONNECTOR)
              .partitionsToOffsetAndMetadata()
              .get();
      for (String topic : config.get("topics").split(",")) {
        for (ConsumerRecord<String, byte[]> last : lastRecords(topic)) {
          OffsetAndMetadata offset = committed.get(new TopicPartition(topic, last.partition()));
          if (offset == null || offset.offset() <= last.offset()) {
            return false;
          }
        }
      }
      return true;
    }
  }

  private static List<ConsumerRecord<String, byte[]>> lastRecords(String topic) {
    Map<Integer, ConsumerRecord<String, byte[]>> last = new HashMap<>();
    TestTopics.readCommitted(topic).forEach(r -> last.put(r.partition(), r));
    return List.copyOf(last.values());
  }

  /** A table's rows by event id, each as column name to value (timestamptz as an instant). */
  private static Map<String, Map<String, Object>> rows(String table) throws Exception {
    Map<String, Map<String, Object>> rows = new HashMap<>();
    try (Connection c = postgres.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value =
              meta.getColumnTypeName(i).equals("timestamptz")
                  ? toInstant(rs.getObject(i, OffsetDateTime.class))
                  : rs.getObject(i);
          row.put(meta.getColumnName(i), value);
        }
        rows.put((String) row.get("event_id"), row);
      }
    }
    return rows;
  }

  private static Object toInstant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static Map<String, String> columnTypes(String table) throws Exception {
    Map<String, String> types = new HashMap<>();
    try (Connection c = postgres.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '"
                    + table
                    + "'")) {
      while (rs.next()) {
        types.put(rs.getString(1), rs.getString(2));
      }
    }
    return types;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
