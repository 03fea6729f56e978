package io.pitwall.source.psn.diff;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The earned trophy ids of a title: an immutable set backed by an ascending {@code int} array. A
 * poll decodes a whole state and encodes the next one, 100 titles of dozens of ids each, and boxed
 * hash sets of them were most of that work; this set is decoded and encoded as the array it is,
 * answers {@link #contains} by binary search, and equals any {@link java.util.Set} of the same ids.
 */
public final class EarnedIds extends AbstractSet<Integer> {

  private static final EarnedIds NONE = new EarnedIds(new int[0]);

  private final int[] ascending;

  private EarnedIds(int[] ascending) {
    this.ascending = ascending;
  }

  /**
   * The set of these ids (duplicates dropped); the collection itself when it is one already.
   *
   * @throws NullPointerException when an id is null
   */
  public static EarnedIds of(Collection<Integer> ids) {
    if (ids instanceof EarnedIds earned) {
      return earned;
    }
    int[] values = new int[ids.size()];
    int n = 0;
    for (Integer id : ids) {
      values[n++] = Objects.requireNonNull(id, "earned id");
    }
    Arrays.sort(values, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || values[i] != values[distinct - 1]) {
        values[distinct++] = values[i];
      }
    }
    return distinct == 0 ? NONE : new EarnedIds(Arrays.copyOf(values, distinct));
  }

  /**
   * The set of ids already in strictly ascending order (a decoder's), kept without a copy: the
   * caller hands the array over.
   *
   * @throws IllegalArgumentException when the ids are not strictly ascending
   */
  public static EarnedIds ofAscending(int[] ascending) {
    for (int i = 1; i < ascending.length; i++) {
      if (ascending[i] <= ascending[i - 1]) {
        throw new IllegalArgumentException(
            "earned ids not ascending at " + i + ": " + ascending[i - 1] + ", " + ascending[i]);
      }
    }
    return ascending.length == 0 ? NONE : new EarnedIds(ascending);
  }

  /** The id at this position in ascending order. */
  public int get(int index) {
    return ascending[Objects.checkIndex(index, ascending.length)];
  }

  @Override
  public int size() {
    return ascending.length;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof Integer id && Arrays.binarySearch(ascending, id) >= 0;
  }

  @Override
  public Iterator<Integer> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ascending.length;
      }

      @Override
      public Integer next() {
        if (next >= ascending.length) {
          throw new NoSuchElementException();
        }
        return ascending[next++];
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof EarnedIds other) {
      return Arrays.equals(ascending, other.ascending);
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    // a Set's hash code: the sum of its elements' (an Integer's is its value)
    int sum = 0;
    for (int id : ascending) {
      sum += id;
    }
    return sum;
  }
}
