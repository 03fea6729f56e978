package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollSlotsTest {

  @Test
  void shouldKeepAHungSourceToItsShareSoThatTheOthersStillGetSlots() {
    PollSlots slots = new PollSlots(4);
    slots.assigned("psn", "psn/default");
    slots.assigned("gridstats", "gridstats/default");

    int grid = 0;
    while (slots.tryAcquire("gridstats", "gridstats/default")) {
      grid++;
    }

    assertThat(grid).as("gtgridstats polls that never end hold only its half").isEqualTo(2);
    assertThat(slots.tryAcquire("psn", "psn/default")).isTrue();
    assertThat(slots.tryAcquire("psn", "psn/default")).isTrue();
    assertThat(slots.tryAcquire("psn", "psn/default")).isFalse();
  }

  @Test
  void shouldGiveASourceAloneEverySlot() {
    PollSlots slots = new PollSlots(4);
    slots.assigned("psn", "psn/default");

    assertThat(slots.share("psn/default")).isEqualTo(4);
  }

  @Test
  void shouldSplitASourcesShareAmongItsCredentialsWithWatches() {
    PollSlots slots = new PollSlots(6);
    slots.assigned("psn", "psn/a");
    slots.assigned("psn", "psn/b");
    slots.assigned("gt", "gt/default");

    assertThat(slots.share("psn/a")).isEqualTo(2);
    assertThat(slots.share("psn/b")).isEqualTo(1);
    assertThat(slots.share("gt/default")).isEqualTo(3);

    slots.unassigned("psn/b");
    assertThat(slots.share("psn/a")).as("a credential without watches needs no share").isEqualTo(3);
  }

  @Test
  void shouldGiveEverySourceAtLeastOneSlot() {
    PollSlots slots = new PollSlots(1);
    slots.assigned("psn", "psn/default");
    slots.assigned("gt", "gt/default");
    slots.assigned("gridstats", "gridstats/default");

    assertThat(slots.tryAcquire("gt", "gt/default")).isTrue();
    assertThat(slots.tryAcquire("psn", "psn/default")).isTrue();
    assertThat(slots.tryAcquire("gridstats", "gridstats/default")).isTrue();
    assertThat(slots.tryAcquire("gt", "gt/default")).isFalse();
  }

  @Test
  void shouldFreeASlotWhenItsPollEnds() {
    PollSlots slots = new PollSlots(2);
    slots.assigned("gt", "gt/default");
    slots.assigned("psn", "psn/default");
    assertThat(slots.tryAcquire("gt", "gt/default")).isTrue();
    assertThat(slots.tryAcquire("gt", "gt/default")).isFalse();

    slots.release("gt/default");

    assertThat(slots.inFlight("gt/default")).isZero();
    assertThat(slots.tryAcquire("gt", "gt/default")).isTrue();
  }
}
