package io.pitwall.source.gridstats;

import static io.pitwall.source.gridstats.GridstatsSimulator.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool's catalog does not depend on its first key. */
class GridstatsCatalogTest {

  private final GridstatsSimulator sim = new GridstatsSimulator(1000);

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void shouldNameThroughTheSecondKeyWhenTheFirstIsRevoked() throws Exception {
    sim.world.faults().revoke(GridstatsSimulator.FIRST);
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(10));

    assertThat(await(catalog.manufacturer(17))).contains("Mazda");
    assertThat(await(catalog.car("3253"))).contains("Mazda RX-Vision GT3 Concept");

    assertThat(sim.simulator.requestLog().matching(e -> e.status() == 401))
        .as("the revoked key costs one refused request, then the pool keeps to the healthy one")
        .hasSize(1);
  }

  @Test
  void shouldNameThroughTheSecondKeyWhenTheFirstHangs() throws Exception {
    sim.world.faults().hangKey(GridstatsSimulator.FIRST);
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(1));

    assertThat(await(catalog.manufacturer(78))).contains("Ferrari");
    assertThat(await(catalog.car("car1544"))).contains("Ferrari 430 Scuderia '07");
  }

  @Test
  void shouldFailOnlyWhenEveryKeyFails() throws Exception {
    sim.world.faults().revoke(GridstatsSimulator.FIRST);
    sim.world.faults().revoke(GridstatsSimulator.SECOND);
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(10));

    assertThat(catalog.manufacturer(17).toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(30))
        .withThrowableThat()
        .withMessageContaining("gtgridstats refused the API key (401)");

    sim.world.faults().unrevoke(GridstatsSimulator.SECOND);
    assertThat(await(catalog.manufacturer(17)))
        .as("a failed fetch is forgotten, so the next lookup tries again")
        .isEqualTo(Optional.of("Mazda"));
  }

  private GridstatsCatalog catalog(Duration timeout) {
    return new GridstatsCatalog(
        List.of(
            sim.client(GridstatsSimulator.FIRST, GridstatsSimulator.budget(), timeout),
            sim.client(GridstatsSimulator.SECOND, GridstatsSimulator.budget(), timeout)),
        "en",
        Duration.ofDays(1),
        Clock.systemUTC());
  }
}
