package io.pitwall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one parser of watches, for configuration text and watches-topic fields: the same rules and
 * reason codes for both forms.
 */
class WatchParserTest {

  /** A source with a flag, like PSN's backfill, and an implied credential for "me". */
  private static final SourceWatchRules FLAGGED =
      rules(
          "alpha",
          "[0-9]{1,5}|me",
          List.of(WatchOption.flag("backfill", "emit earlier changes")),
          "default");

  /** A source with an id list, like gtgridstats' series. */
  private static final SourceWatchRules LISTED =
      rules("beta", "[a-z]{3,8}", List.of(WatchOption.idList("series", "[0-9]{1,4}", "")), null);

  private final WatchParser parser =
      new WatchParser(
          List.of(FLAGGED, LISTED),
          Map.of("alpha", Set.of("default", "alt"), "beta", Set.of("default")));

  @Test
  void shouldReadEveryCommonFieldAndTheSourcesOptionsFromConfigurationText() {
    WatchDefinition watch =
        parser.parseText(
            "alpha:42 label=Main backfill=true credential=alt minInterval=PT1M maxInterval=PT1H");

    assertThat(watch.key()).isEqualTo(new WatchKey("alpha", "42"));
    assertThat(watch.label()).isEqualTo("Main");
    assertThat(watch.options().flag("backfill")).isTrue();
    assertThat(watch.credential()).isEqualTo("alt");
    assertThat(watch.minInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(watch.maxInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(watch.enabled()).isTrue();
    assertThat(parser.parseText("beta:skino series=1,22").options().list("series"))
        .containsExactly("1", "22");
  }

  @Test
  void shouldApplyTheSameRulesToTextAndFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("source", "alpha");
    fields.put("accountId", "42");
    fields.put("label", "x".repeat(101));
    assertRejected(() -> parser.definition(new WatchKey("alpha", "42"), fields), "BAD_LABEL");
    assertRejected(() -> parser.parseText("alpha:42 label=" + "x".repeat(101)), "BAD_LABEL");

    assertRejected(() -> parser.parseText("alpha:42 maxInterval=P31D"), "BAD_INTERVAL");
    assertRejected(
        () ->
            parser.definition(
                new WatchKey("alpha", "42"),
                Map.of("source", "alpha", "accountId", "42", "maxInterval", "P31D")),
        "BAD_INTERVAL");
  }

  @Test
  void shouldRefuseAnOptionOfAnotherSourceAndUnknownFields() {
    assertRejected(() -> parser.parseText("beta:skino backfill=true"), "BAD_OPTION");
    assertRejected(() -> parser.parseText("alpha:42 series=1"), "BAD_OPTION");
    assertRejected(() -> parser.parseText("alpha:42 colour=red"), "UNKNOWN_FIELD");
    assertThatThrownBy(() -> parser.parseText("beta:skino backfill=true"))
        .hasMessageContaining("unknown option 'backfill=true' for a beta watch")
        .hasMessageContaining("series=<id>,<id>");
  }

  @Test
  void shouldNameUnknownSourcesBadIdsAndBadOptionValues() {
    assertRejected(() -> parser.key("xbox:1"), "UNKNOWN_SOURCE");
    assertThatThrownBy(() -> parser.key("xbox:1"))
        .hasMessageContaining("Unknown source 'xbox': expected one of alpha, beta");
    assertRejected(() -> parser.key("alpha:../admin"), "BAD_ACCOUNT_ID");
    assertRejected(() -> parser.key("alpha-1"), "BAD_KEY");
    assertRejected(() -> parser.parseText("beta:skino series=1,x"), "BAD_OPTION");
    assertRejected(() -> parser.parseText("alpha:42 backfill=yes"), "BAD_FIELD_TYPE");
    assertRejected(
        () -> parser.parseText("alpha:42 minInterval=PT1H maxInterval=PT1M"), "BAD_INTERVAL");
  }

  @Test
  void shouldCheckCredentialsPerSourceUnlessAnyIsAccepted() {
    assertRejected(() -> parser.parseText("beta:skino credential=alt"), "UNKNOWN_CREDENTIAL");
    assertThat(
            new WatchParser(List.of(FLAGGED, LISTED), null)
                .parseText("beta:skino credential=alt")
                .credential())
        .isEqualTo("alt");
  }

  @Test
  void shouldRefuseAWatchOfASourceThisEngineHasNoCredentialFor() {
    WatchParser withoutBeta =
        new WatchParser(List.of(FLAGGED, LISTED), Map.of("alpha", Set.of("default")));

    assertRejected(() -> withoutBeta.parseText("beta:skino"), "UNKNOWN_CREDENTIAL");
    assertThatThrownBy(
            () ->
                withoutBeta.definition(
                    new WatchKey("beta", "skino"), Map.of("source", "beta", "accountId", "skino")))
        .hasMessageContaining("no credential is configured for beta on this engine");
    assertThat(withoutBeta.parseText("alpha:42").key()).isEqualTo(new WatchKey("alpha", "42"));
    assertThat(new WatchParser(List.of(FLAGGED, LISTED), null).parseText("beta:skino").key())
        .as("a tool that does not know the engine's credentials takes it")
        .isEqualTo(new WatchKey("beta", "skino"));
  }

  @Test
  void shouldApplyACredentialTheSourceImplies() {
    assertThat(parser.parseText("alpha:me").credential()).isEqualTo("default");
    assertThat(parser.parseText("alpha:42").credential()).isNull();
  }

  private static void assertRejected(Runnable parse, String reason) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            WatchParser.Rejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  private static SourceWatchRules rules(
      String id, String accountId, List<WatchOption> options, String implied) {
    return new SourceWatchRules() {
      @Override
      public String source() {
        return id;
      }

      @Override
      public String accountIdProblem(String account) {
        return account.matches(accountId) ? null : "not an " + id + " id";
      }

      @Override
      public List<WatchOption> options() {
        return options;
      }

      @Override
      public String impliedCredential(String account) {
        return account.equals("me") ? implied : null;
      }
    };
  }
}
