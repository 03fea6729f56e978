package io.pitwall.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.events.TrophyEarned;
import io.pitwall.testkit.TestSchemaRegistry;
import org.junit.jupiter.api.Test;

/** Against a real Apicurio Registry through its Confluent-compatible API. */
class ConfluentRestRegistryClientIT {

  private final ConfluentRestRegistryClient client =
      new ConfluentRestRegistryClient(TestSchemaRegistry.url());

  @Test
  void shouldRegisterOnceAndFindTheSchemaById() {
    int id = client.register("registry-client-it-value", TrophyEarned.getClassSchema());
    int again =
        new ConfluentRestRegistryClient(TestSchemaRegistry.url())
            .register("registry-client-it-value", TrophyEarned.getClassSchema());

    assertThat(again).isEqualTo(id);
    assertThat(new ConfluentRestRegistryClient(TestSchemaRegistry.url()).schemaById(id))
        .isEqualTo(TrophyEarned.getClassSchema());
  }

  @Test
  void shouldReportAnUnknownIdWithTheRegistryStatus() {
    assertThatThrownBy(() -> client.schemaById(987_654))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("schema id 987654")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(404));
  }

  @Test
  void shouldReportAnUnreachableRegistryAsRetriable() {
    ConfluentRestRegistryClient nowhere = new ConfluentRestRegistryClient("http://127.0.0.1:9");

    assertThatThrownBy(() -> nowhere.register("x-value", TrophyEarned.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("unreachable")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isTrue());
  }
}
