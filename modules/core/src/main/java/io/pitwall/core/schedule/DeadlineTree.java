package io.pitwall.core.schedule;

/**
 * A credential's idle watches (neither in flight nor held) in deadline order, (deadline, sequence)
 * as {@link Ranking}'s stable sort has them, in a treap that answers the at-risk frontier in O(log
 * n).
 *
 * <p>{@link Ranking}'s at-risk rule: the k-th watch in deadline order (k from 0) is at risk when
 * {@code left_k <= max(0, k + 1 - ready) / W + max_k / 20}, with {@code left_k} the time to its
 * deadline, {@code ready} the watches the round may dispatch now and {@code W} the watches per
 * second the budget reaches after that. For {@code k + 1 >= ready} this is {@code a_k - k c <= now
 * - (ready - 1) c}, with {@code a_k = deadline_k - max_k / 20} and {@code c = 1 / W} (milliseconds
 * per watch). Every node keeps the minimum of {@code a_i - r_i c} over its subtree ({@code r_i} the
 * rank within the subtree), so the last rank that passes is found by one descent ({@link
 * #lastAtRisk}).
 *
 * <p>That minimum depends on {@code c}, which moves with the credential's measured cost per request
 * and its share of the budget. Recomputing it costs O(n), so the tree keeps a pace {@code c'}
 * rounded up: set to {@code c × PACE_SLACK} when it is recomputed, and kept while {@code c <= c' <=
 * c × PACE_SLACK²}. A larger {@code c} only makes deadlines look closer, so the tree's at-risk set
 * contains the exact one and is contained in the exact one at {@code c × PACE_SLACK²} (2 % slower
 * budget): the error is that watches which would be at risk only if the budget were up to 2 %
 * slower go first too. Not thread-safe.
 */
final class DeadlineTree {

  /** How far the pace is rounded up when it is recomputed (see the class comment). */
  static final double PACE_SLACK = 1.01;

  /** One idle watch. */
  static final class Node {
    final ScheduledWatch watch;
    final long deadline;
    final int deadlineNanos;

    /** deadline - max/20, in epoch milliseconds. */
    final double a;

    final int priority;
    Node left;
    Node right;
    int size = 1;
    double min;

    Node(ScheduledWatch watch) {
      this.watch = watch;
      java.time.Instant d = watch.deadline();
      this.deadline = d.getEpochSecond();
      this.deadlineNanos = d.getNano();
      this.a = d.toEpochMilli() - watch.max.toMillis() / 20.0;
      long h = watch.sequence * 0x9E3779B97F4A7C15L;
      this.priority = (int) (h ^ (h >>> 32));
    }

    int compareTo(Node o) {
      int c = Long.compare(deadline, o.deadline);
      if (c == 0) {
        c = Integer.compare(deadlineNanos, o.deadlineNanos);
      }
      return c != 0 ? c : Long.compare(watch.sequence, o.watch.sequence);
    }
  }

  private Node root;

  /** The pace in use, milliseconds per watch ({@code c'}); NaN until first set. */
  private double pace = Double.NaN;

  /** Full recomputations of the subtree minima (for tests and figures). */
  long rescales;

  /** The rank of the node the last {@link #lastAtRisk} or {@link #lastDue} returned. */
  int lastRank;

  int size() {
    return size(root);
  }

  /** Inserts the watch (with the deadline it has now); its node is kept in the watch. */
  void insert(ScheduledWatch w) {
    Node n = new Node(w);
    update(n);
    w.deadlineNode = n;
    root = insert(root, n);
  }

  /** Removes the watch, which must be in the tree. */
  void remove(ScheduledWatch w) {
    root = remove(root, w.deadlineNode);
    w.deadlineNode = null;
  }

  /**
   * Sets the pace for {@code exact} milliseconds per watch: kept while within {@code [exact, exact
   * × PACE_SLACK²]}, else recomputed as {@code exact × PACE_SLACK} (O(n)).
   *
   * @return the pace in use
   */
  double pace(double exact) {
    if (!(pace >= exact && pace <= exact * PACE_SLACK * PACE_SLACK)) {
      pace = exact * PACE_SLACK;
      rescales++;
      recompute(root);
    }
    return pace;
  }

  /**
   * The last watch in deadline order whose rank is at least {@code fromRank} and with {@code a_k -
   * k c' <= threshold}, or null; its rank in {@link #lastRank}.
   */
  ScheduledWatch lastAtRisk(double threshold, int fromRank) {
    Node n = find(root, 0, threshold);
    return n != null && lastRank >= fromRank ? n.watch : null;
  }

  /**
   * The last of the first {@code limit} watches in deadline order with {@code a_k <= nowMillis}
   * (due within its margin now), or null; its rank in {@link #lastRank}. O(limit).
   */
  ScheduledWatch lastDue(int limit, double nowMillis) {
    Node[] found = new Node[1];
    int[] rank = {0, -1};
    walk(root, limit, nowMillis, rank, found);
    lastRank = rank[1];
    return found[0] == null ? null : found[0].watch;
  }

  /** The watch last in deadline order, or null; its rank in {@link #lastRank}. */
  ScheduledWatch last() {
    Node n = root;
    while (n != null && n.right != null) {
      n = n.right;
    }
    lastRank = size(root) - 1;
    return n == null ? null : n.watch;
  }

  private void walk(Node n, int limit, double now, int[] rank, Node[] found) {
    if (n == null || rank[0] >= limit) {
      return;
    }
    walk(n.left, limit, now, rank, found);
    if (rank[0] >= limit) {
      return;
    }
    if (n.a <= now) {
      found[0] = n;
      rank[1] = rank[0];
    }
    rank[0]++;
    walk(n.right, limit, now, rank, found);
  }

  private Node find(Node n, int offset, double threshold) {
    if (n == null || n.min - offset * pace > threshold) {
      return null;
    }
    int ls = size(n.left);
    Node right = find(n.right, offset + ls + 1, threshold);
    if (right != null) {
      return right;
    }
    if (n.a - (offset + ls) * pace <= threshold) {
      lastRank = offset + ls;
      return n;
    }
    return find(n.left, offset, threshold);
  }

  private static int size(Node n) {
    return n == null ? 0 : n.size;
  }

  private void update(Node n) {
    int ls = size(n.left);
    n.size = 1 + ls + size(n.right);
    double min = n.a - ls * pace;
    if (n.left != null && n.left.min < min) {
      min = n.left.min;
    }
    if (n.right != null) {
      min = Math.min(min, n.right.min - (ls + 1) * pace);
    }
    n.min = Double.isNaN(pace) ? n.a : min;
  }

  private void recompute(Node n) {
    if (n != null) {
      recompute(n.left);
      recompute(n.right);
      update(n);
    }
  }

  /** Inserts {@code x} below {@code n} by its key, rotated up while its priority is higher. */
  private Node insert(Node n, Node x) {
    if (n == null) {
      return x;
    }
    if (x.compareTo(n) < 0) {
      n.left = insert(n.left, x);
      if (n.left.priority > n.priority) {
        Node l = n.left;
        n.left = l.right;
        update(n);
        l.right = n;
        update(l);
        return l;
      }
    } else {
      n.right = insert(n.right, x);
      if (n.right.priority > n.priority) {
        Node r = n.right;
        n.right = r.left;
        update(n);
        r.left = n;
        update(r);
        return r;
      }
    }
    update(n);
    return n;
  }

  private Node merge(Node l, Node r) {
    if (l == null) {
      return r;
    }
    if (r == null) {
      return l;
    }
    if (l.priority > r.priority) {
      l.right = merge(l.right, r);
      update(l);
      return l;
    }
    r.left = merge(l, r.left);
    update(r);
    return r;
  }

  private Node remove(Node n, Node target) {
    if (n == null) {
      throw new IllegalStateException("not in the deadline tree: " + target.watch.key);
    }
    if (n == target) {
      return merge(n.left, n.right);
    }
    if (target.compareTo(n) < 0) {
      n.left = remove(n.left, target);
    } else {
      n.right = remove(n.right, target);
    }
    update(n);
    return n;
  }
}
