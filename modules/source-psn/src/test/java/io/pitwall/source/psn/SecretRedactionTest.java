package io.pitwall.source.psn;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.PollOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

  private static final String CODE = "v3.Qm9Kx7Tz";

  @Test
  void shouldMaskEveryKindOfPsnSecretAndKeepTheRest() {
    assertThat(
            SecretRedaction.redact(
                "com.scee.psxandroid.scecompcall://redirect/?code=" + CODE + "&cid=42"))
        .isEqualTo("com.scee.psxandroid.scecompcall://redirect/?code=****&cid=42");
    assertThat(SecretRedaction.redact("grant_type=refresh_token&refresh_token=abc.def-1"))
        .isEqualTo("grant_type=refresh_token&refresh_token=****");
    assertThat(SecretRedaction.redact("Cookie: npsso=Zx81; other=1"))
        .isEqualTo("Cookie: npsso=****; other=1");
    assertThat(SecretRedaction.redact("{\"access_token\": \"eyJhbGci.x.y\", \"expires_in\": 3599}"))
        .isEqualTo("{\"access_token\": \"****\", \"expires_in\": 3599}");
    assertThat(SecretRedaction.redact("Authorization: Bearer eyJhbGci.x.y"))
        .isEqualTo("Authorization: Bearer ****");
    assertThat(SecretRedaction.redact("PSN trophyTitles answered 503 (code 2240525)"))
        .isEqualTo("PSN trophyTitles answered 503 (code 2240525)");
    assertThat(SecretRedaction.redact("errorcode=4165 error_code=4165"))
        .isEqualTo("errorcode=4165 error_code=4165");
    assertThat(SecretRedaction.redact((String) null)).isNull();
  }

  @Test
  void shouldMaskTheCodeInThePsnExceptionAndEveryCauseItCarries() {
    String location = "com.scee.psxandroid.scecompcall://redirect/?code=" + CODE + "&x=100%_|{";
    IllegalArgumentException parser = null;
    try {
      URI.create(location);
    } catch (IllegalArgumentException e) {
      parser = e;
    }
    assertThat(parser).hasMessageContaining(CODE);

    PsnException wrapped =
        new PsnException(
            PollOutcome.UPSTREAM_ERROR,
            "PSN authorize redirect " + location,
            new IllegalStateException("outer", parser));
    PsnException adopted = PsnException.of(parser);

    for (PsnException e : new PsnException[] {wrapped, adopted}) {
      StringWriter printed = new StringWriter();
      e.printStackTrace(new PrintWriter(printed));
      assertThat(printed.toString())
          .doesNotContain(CODE)
          .contains("code=****")
          .contains(IllegalArgumentException.class.getName());
      assertThat(e.outcome()).isEqualTo(PollOutcome.UPSTREAM_ERROR);
    }
    assertThat(wrapped.getCause().getCause().getStackTrace()).isEqualTo(parser.getStackTrace());
  }
}
