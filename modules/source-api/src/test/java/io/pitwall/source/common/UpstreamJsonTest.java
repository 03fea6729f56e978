package io.pitwall.source.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pitwall.source.common.UpstreamJson.Malformed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared reader: strict types, required means present and not null, paths in every error. */
class UpstreamJsonTest {

  record Page(
      @JsonProperty(required = true) List<Item> items,
      Integer next,
      @JsonProperty(value = "total_count", required = true) int total) {}

  record Item(
      @JsonProperty(value = "ID", required = true) String id,
      @JsonProperty(required = true) long points,
      @JsonProperty(required = true) boolean counted,
      @JsonProperty(required = true) Instant at,
      Double rate,
      String note) {

    Item {
      if (points < 0) {
        throw UpstreamJson.invalid("points", "negative");
      }
    }
  }

  private static final String ITEM =
      "{\"ID\": \"a\", \"points\": 3, \"counted\": true, \"at\": \"2020-11-21T10:45:19Z\"}";

  @Test
  void shouldReadRecordsAndIgnoreUnknownFields() {
    Page page =
        read(
            "{\"items\": ["
                + ITEM.replace("}", ", \"surprise\": {\"x\": [1]}}")
                + "],"
                + " \"total_count\": 1, \"added_later\": \"yes\"}");

    assertThat(page.total()).isEqualTo(1);
    assertThat(page.next()).isNull();
    assertThat(page.items())
        .containsExactly(new Item("a", 3, true, Instant.parse("2020-11-21T10:45:19Z"), null, null));
  }

  @Test
  void shouldNameThePathOfAMissingOrNullRequiredField() {
    assertProblem(page(ITEM + ", {\"points\": 1}"), "items[1].ID: missing");
    assertProblem(page(ITEM.replace("\"a\"", "null")), "items[0].ID: null");
    assertProblem(page(ITEM.replace("3", "null")), "items[0].points: null");
    assertProblem("{\"items\": [], \"total_count\": null}", "total_count: null");
    assertProblem("{\"total_count\": 1}", "items: missing");
    assertProblem("{\"items\": null, \"total_count\": 1}", "items: null");
    assertProblem("{\"items\": [null], \"total_count\": 1}", "items[0]: null");
  }

  @Test
  void shouldNameThePathOfAWrongTypedField() {
    assertProblem(page(ITEM.replace("\"a\"", "5")), "items[0].ID: not a string");
    assertProblem(page(ITEM.replace("3", "\"3\"")), "items[0].points: not an integer");
    assertProblem(page(ITEM.replace("3", "3.5")), "items[0].points: not an integer");
    assertProblem(page(ITEM.replace("true", "1")), "items[0].counted: not a boolean");
    assertProblem(page(ITEM.replace("true", "\"true\"")), "items[0].counted: not a boolean");
    assertProblem(page(ITEM.replace("}", ", \"rate\": \"1.5\"}")), "items[0].rate: not a number");
    assertProblem(page(ITEM.replace("}", ", \"note\": {}}")), "items[0].note: not a string");
    assertProblem("{\"items\": {}, \"total_count\": 1}", "items: not an array");
    assertProblem("{\"items\": [3], \"total_count\": 1}", "items[0]: not an object");
    assertProblem("[]", "body: not an object");
    assertProblem("{\"items\": [], \"total_count\": 99999999999}", "total_count: out of range");
  }

  @Test
  void shouldNameTheProblemOfAValueWithTheRightTypeButAWrongMeaning() {
    assertProblem(
        page(ITEM.replace("2020-11-21T10:45:19Z", "yesterday")),
        "items[0].at: 'yesterday' is not an ISO-8601 instant");
    assertProblem(
        page(ITEM.replace("\"2020-11-21T10:45:19Z\"", "1605955519")), "items[0].at: not a string");
    assertProblem(page(ITEM.replace("3", "-3")), "items[0].points: negative");
  }

  @Test
  void shouldTellABodyThatIsNotJson() {
    assertProblem("", "body: empty");
    assertProblem(
        "<html><body>Service   Unavailable</body></html>",
        "body: not JSON (starts with '<html><body>Service Unavailable</body>')");
    assertProblem("{\"items\": [", "body: malformed JSON at line 1, column 12");
    assertProblem(
        "{\"items\": [], \"total_count\": 1} {}", "body: more content after the JSON value");
    assertThatThrownBy(() -> UpstreamJson.read((byte[]) null, Page.class))
        .isInstanceOf(Malformed.class)
        .hasMessage("body: empty");
  }

  @Test
  void shouldNeverQuoteAValueItCouldNotRead() {
    String secret = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2ln";
    assertThatThrownBy(
            () ->
                read("{\"items\": [], \"total_count\": \"" + secret + "\", \"x\": " + secret + "}"))
        .isInstanceOf(Malformed.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("c2Vj"))
        .hasNoCause();
    assertThatThrownBy(() -> read("{\"items\": [], \"total_count\": " + secret + "}"))
        .isInstanceOf(Malformed.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("eyJ"))
        .hasNoCause();
  }

  @Test
  void shouldReadADocumentHeldAsTextWithNullsInside() {
    assertThat(UpstreamJson.read("{\"a\": null, \"b\": [null, 1]}", Map.class))
        .containsEntry("a", null)
        .containsKey("b");
    assertThatThrownBy(() -> UpstreamJson.read("{\"a\": 1,,}", Map.class))
        .isInstanceOf(Malformed.class)
        .hasMessageStartingWith("body: malformed JSON at line 1, column 9")
        .satisfies(e -> assertThat(((Malformed) e).path()).isEmpty());
  }

  private static String page(String items) {
    return "{\"items\": [" + items + "], \"total_count\": 1}";
  }

  private static Page read(String json) {
    return UpstreamJson.read(json.getBytes(StandardCharsets.UTF_8), Page.class);
  }

  private static void assertProblem(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(Malformed.class).hasMessage(message);
  }
}
