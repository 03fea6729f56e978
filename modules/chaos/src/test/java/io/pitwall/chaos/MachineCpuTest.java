package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The machine's busy cores from two readings of /proc/stat's aggregate cpu line. */
class MachineCpuTest {

  @Test
  void shouldCountIdleAndIowaitAsNotBusy() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    MachineCpu cpu = MachineCpu.parse("cpu  100 10 50 800 40 0 0 0 70 0");
    assertThat(cpu.busy()).isEqualTo(160);
    assertThat(cpu.total()).isEqualTo(1000);
  }

  @Test
  void shouldGiveTheBusyCoresOfAWindow() {
    MachineCpu before = MachineCpu.parse("cpu  100 0 50 800 50 0 0 0 0 0");
    MachineCpu after = MachineCpu.parse("cpu  250 0 100 850 100 0 0 0 0 0");
    // 200 busy of 300 jiffies on 2 cores
    assertThat(after.busyCoresSince(before, 2)).isCloseTo(1.333, within(0.001));
    assertThat(before.busyCoresSince(before, 2)).isZero();
  }

  @Test
  void shouldRefuseALineThatIsNotTheAggregateCpuLine() {
    assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregate cpu line");
    assertThatThrownBy(() -> MachineCpu.parse("cpu 1 2 x 4 5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no number");
  }

  @Test
  void shouldReadThisMachine() {
    MachineCpu now = MachineCpu.now();
    assertThat(now.total()).isPositive();
    assertThat(now.busy()).isBetween(0L, now.total());
  }
}
