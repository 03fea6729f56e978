package io.pitwall.events.schema;

import static io.pitwall.events.schema.SchemaEdits.addField;
import static io.pitwall.events.schema.SchemaEdits.edited;
import static io.pitwall.events.schema.SchemaEdits.field;
import static io.pitwall.events.schema.SchemaEdits.removeField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pitwall.events.DrClassChanged;
import io.pitwall.events.SafetyRatingChanged;
import io.pitwall.events.SeriesRoundScored;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.WatchStatusChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The guard against edits a developer could make to the current schemas, with today's schemas as
 * the released version 0.2.
 */
class SchemaGuardTest {

  private static final List<ReleasedVersion> RELEASED =
      List.of(new ReleasedVersion("0.2", CurrentSchemas.all()));

  @Test
  void shouldPassTheSchemasAsReleased() {
    assertThat(SchemaGuard.check(CurrentSchemas.all(), RELEASED)).isEmpty();
  }

  @Test
  void shouldFailARemovedFieldWithoutDefaultNamingTheFieldAndTheDirection() {
    List<Schema> current = withTrophyEarned(json -> removeField(json, "trophyName"));

    assertThat(SchemaGuard.check(current, RELEASED))
        .containsExactly(
            "io.pitwall.events.TrophyEarned is not compatible with released 0.2 (old readers cannot"
                + " read new events): field 'trophyName' is not in the current schema and has no"
                + " default in the released schema (a field without a default can never be"
                + " removed)");
  }

  @Test
  void shouldPassAFieldAddedWithADefault() {
    List<Schema> current =
        withTrophyEarned(
            json ->
                addField(
                    json,
                    "{\"name\": \"trophyProgress\", \"type\": [\"null\", \"int\"],"
                        + " \"default\": null}"));

    assertThat(SchemaGuard.check(current, RELEASED)).isEmpty();
  }

  @Test
  void shouldFailAFieldAddedWithoutADefaultForNewReadersOfOldEvents() {
    List<Schema> current =
        withTrophyEarned(
            json -> addField(json, "{\"name\": \"trophyProgress\", \"type\": \"int\"}"));

    assertThat(SchemaGuard.check(current, RELEASED))
        .containsExactly(
            "io.pitwall.events.TrophyEarned is not compatible with released 0.2 (new readers cannot"
                + " read old events): field 'trophyProgress' is not in the released schema and has"
                + " no default in the current schema (give the new field a default)");
  }

  @Test
  void shouldFailANewEnumSymbolWithoutADefaultBecauseOldReadersBreak() {
    List<ReleasedVersion> releasedWithoutDefault =
        List.of(
            new ReleasedVersion(
                "0.2",
                withTrophyEarned(
                    json ->
                        ((ObjectNode) field(json, "trophyType").get("type")).remove("default"))));
    List<Schema> current =
        withTrophyEarned(
            json -> {
              ObjectNode type = (ObjectNode) field(json, "trophyType").get("type");
              type.remove("default");
              ((ArrayNode) type.withArray("symbols")).add("diamond");
            });

    assertThat(SchemaGuard.check(current, releasedWithoutDefault))
        .containsExactly(
            "io.pitwall.events.TrophyEarned is not compatible with released 0.2 (old readers cannot"
                + " read new events): field 'trophyType': enum io.pitwall.events.TrophyType of the"
                + " released schema has no symbol [diamond] that the current schema writes, and no"
                + " default symbol (old readers fail on the new symbol; only an enum with a default"
                + " may grow)");
  }

  @Test
  void shouldLetAnEnumWithADefaultGrowBecauseOldReadersReadTheDefault() {
    List<Schema> current =
        withTrophyEarned(
            json ->
                ((ArrayNode) field(json, "trophyType").with("type").withArray("symbols"))
                    .add("diamond"));

    assertThat(SchemaGuard.check(current, RELEASED)).isEmpty();
  }

  @Test
  void shouldNameAFieldWhoseEnumGrewInsideAUnion() {
    java.util.function.Consumer<ObjectNode> noDefault =
        json -> ((ObjectNode) field(json, "trophyRare").withArray("type").get(1)).remove("default");
    List<Schema> current =
        withTrophyEarned(
            json -> {
              noDefault.accept(json);
              ((ArrayNode)
                      ((ObjectNode) field(json, "trophyRare").withArray("type").get(1))
                          .withArray("symbols"))
                  .add("LEGENDARY");
            });

    assertThat(
            SchemaGuard.check(
                current, List.of(new ReleasedVersion("0.2", withTrophyEarned(noDefault)))))
        .singleElement()
        .asString()
        .contains("(old readers cannot read new events): field 'trophyRare': enum")
        .contains("io.pitwall.events.TrophyRarity")
        .contains("[LEGENDARY]");
  }

  @Test
  void shouldFailARequiredFieldMadeOptionalBecauseOldReadersCannotReadNull() {
    List<Schema> current =
        withTrophyEarned(
            json -> {
              ObjectNode trophyName = field(json, "trophyName");
              trophyName.set("type", json.arrayNode().add("null").add("string"));
              trophyName.putNull("default");
            });

    assertThat(SchemaGuard.check(current, RELEASED))
        .containsExactly(
            "io.pitwall.events.TrophyEarned is not compatible with released 0.2 (old readers cannot"
                + " read new events): field 'trophyName': the released type string cannot read"
                + " null written by the current schema");
  }

  @Test
  void shouldNameTheNestedEnvelopeFieldInEveryEventAndTheEnvelopeItself() {
    List<Schema> current = new ArrayList<>();
    for (Schema schema : CurrentSchemas.all()) {
      current.add(
          edited(
              schema,
              json ->
                  field((ObjectNode) field(json, "envelope").get("type"), "source")
                      .set("type", new TextNode("long"))));
    }

    List<String> problems = SchemaGuard.check(current, RELEASED);

    assertThat(problems)
        .contains(
            "io.pitwall.events.TrophyEarned is not compatible with released 0.2 (old readers cannot"
                + " read new events): field 'envelope.source': the released type string cannot read"
                + " long written by the current schema",
            "io.pitwall.events.TrophyEarned is not compatible with released 0.2 (new readers cannot"
                + " read old events): field 'envelope.source': the current type long cannot read"
                + " string written by the released schema")
        // each of the five events carries the envelope: two directions each
        .hasSize(2 * 5)
        .allSatisfy(p -> assertThat(p).contains("source'"));
  }

  @Test
  void shouldFailAReleasedEventTypeThatNoCurrentSchemaDefines() {
    List<Schema> current =
        List.of(
            TrophyEarned.getClassSchema(),
            DrClassChanged.getClassSchema(),
            SafetyRatingChanged.getClassSchema(),
            SeriesRoundScored.getClassSchema());

    assertThat(SchemaGuard.check(current, RELEASED))
        .containsExactly(
            "io.pitwall.events.WatchStatusChanged was released in 0.2 but no current schema"
                + " defines it: readers and sinks of 0.2 still expect it (a removed type); keep it");
  }

  @Test
  void shouldReturnEveryProblemOfEveryVersionAtOnce() {
    List<ReleasedVersion> twoVersions =
        List.of(
            new ReleasedVersion("0.2", CurrentSchemas.all()),
            new ReleasedVersion("0.3", CurrentSchemas.all()));
    List<Schema> current =
        withTrophyEarned(
            json -> {
              removeField(json, "trophyName");
              removeField(json, "trophyDetail");
            });
    current.removeIf(
        s -> s.getFullName().equals(WatchStatusChanged.getClassSchema().getFullName()));

    List<String> problems = SchemaGuard.check(current, twoVersions);

    assertThat(problems).hasSize(6);
    assertThat(problems.get(0)).contains("released 0.2").contains("'trophyName'");
    assertThat(problems.get(1)).contains("released 0.2").contains("'trophyDetail'");
    assertThat(problems.get(2))
        .startsWith("io.pitwall.events.WatchStatusChanged was released in 0.2");
    assertThat(problems.get(3)).contains("released 0.3").contains("'trophyName'");
  }

  @Test
  void shouldFailARenamedTypeForOldReadersEvenWithTheReleasedNameAsAlias() {
    // Avro's aliases serve the reader: a new reader reads the old name, an old reader does not
    // know the new one
    List<Schema> current =
        new ArrayList<>(
            CurrentSchemas.all().stream()
                .filter(s -> !s.getName().equals("WatchStatusChanged"))
                .toList());
    current.add(
        edited(
            WatchStatusChanged.getClassSchema(),
            json -> {
              json.put("name", "WatchOutcomeChanged");
              json.putArray("aliases").add("io.pitwall.events.WatchStatusChanged");
            }));

    assertThat(SchemaGuard.check(current, RELEASED))
        .containsExactly(
            "io.pitwall.events.WatchOutcomeChanged is not compatible with released 0.2 (old"
                + " readers cannot read new events): the schema itself: the released type"
                + " io.pitwall.events.WatchStatusChanged cannot read"
                + " io.pitwall.events.WatchOutcomeChanged written by the current schema (old"
                + " readers know only the released name: a type cannot be renamed)");
  }

  @Test
  void shouldFailTwoCurrentSchemasThatDefineASharedTypeDifferently() {
    List<Schema> current = withTrophyEarned(json -> {});
    current.add(
        0,
        edited(
            DrClassChanged.getClassSchema(),
            json ->
                addField(
                    (ObjectNode) field(json, "envelope").get("type"),
                    "{\"name\": \"extra\", \"type\": [\"null\", \"string\"], \"default\": null}")));

    assertThat(SchemaGuard.check(current, RELEASED))
        .contains(
            "io.pitwall.events.Envelope is defined differently by two current schemas: every"
                + " schema must use the same definition of a shared type");
  }

  /** Today's schemas with TrophyEarned edited. */
  private static List<Schema> withTrophyEarned(Consumer<ObjectNode> edit) {
    List<Schema> current = new ArrayList<>();
    for (Schema schema : CurrentSchemas.all()) {
      current.add(schema.getName().equals("TrophyEarned") ? edited(schema, edit) : schema);
    }
    return current;
  }
}
