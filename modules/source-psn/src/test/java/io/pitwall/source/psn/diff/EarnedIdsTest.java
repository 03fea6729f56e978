package io.pitwall.source.psn.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EarnedIdsTest {

  @Test
  void shouldBeTheSetOfItsIdsForEveryOtherSet() {
    EarnedIds ids = EarnedIds.of(List.of(5, 1, 2, 5, -7));
    Set<Integer> same = new HashSet<>(List.of(-7, 1, 2, 5));

    assertThat(ids).hasSize(4).containsExactly(-7, 1, 2, 5);
    assertThat(ids.equals(same)).isTrue();
    assertThat(same.equals(ids)).isTrue();
    assertThat(ids.hashCode()).isEqualTo(same.hashCode());
    assertThat(ids).isEqualTo(EarnedIds.ofAscending(new int[] {-7, 1, 2, 5}));
    assertThat(ids).isNotEqualTo(Set.of(-7, 1, 2)).isNotEqualTo(Set.of(-7, 1, 2, 6));
    assertThat(ids.contains(2)).isTrue();
    assertThat(ids.contains(3)).isFalse();
    assertThat(ids.contains("2")).isFalse();
    assertThat(ids.get(0)).isEqualTo(-7);
    assertThat(EarnedIds.of(ids)).isSameAs(ids);
    assertThat(EarnedIds.of(Set.of())).isEmpty();
  }

  @Test
  void shouldStayAsItWasMade() {
    int[] given = {1, 2, 3};
    EarnedIds ids = EarnedIds.of(Arrays.stream(given).boxed().toList());
    given[0] = 9;

    assertThat(ids).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> ids.add(4)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ids.remove(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(ids::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ids.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void shouldRefuseIdsThatAreNotStrictlyAscendingOrNull() {
    assertThatThrownBy(() -> EarnedIds.ofAscending(new int[] {1, 3, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not ascending at 2");
    assertThatThrownBy(() -> EarnedIds.ofAscending(new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EarnedIds.of(Arrays.asList(1, null)))
        .isInstanceOf(NullPointerException.class);
  }
}
