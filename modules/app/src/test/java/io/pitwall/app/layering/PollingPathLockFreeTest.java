package io.pitwall.app.layering;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The polling path holds no lock (issue 12: verticles own their schedulers, pollers and buckets on
 * their own contexts, and everything else reaches them by messages). Checked in the bytecode by
 * {@link LockFinder}: every class of the kernel's scheduling and budgets, of the source API and of
 * every source plugin, the engine's polling classes, and the few methods of the Kafka side that a
 * verticle calls. A lock added anywhere there fails this test with the class and method.
 */
class PollingPathLockFreeTest {

  /** Packages whose every class runs on a polling verticle's context when it runs at all. */
  static final List<String> POLLING_PACKAGES =
      List.of(
          "io.pitwall.core",
          "io.pitwall.source.api",
          "io.pitwall.source.common",
          "io.pitwall.source.psn",
          "io.pitwall.source.gt",
          "io.pitwall.source.gridstats",
          "io.pitwall.gt");

  /** The engine's classes on the polling path, by simple name (nested classes included). */
  static final Set<String> ENGINE_CLASSES =
      Set.of(
          "PollingVerticle",
          "PollingVerticles",
          "PollingViews",
          "WatchScheduler",
          "PollSlots",
          "SharedServices",
          "LocalCodec",
          "ResultPublisher",
          "WatchStatuses",
          "WatchGenerations",
          "StateSizeLimit");

  /** Methods of other classes that a verticle calls, by class. */
  static final Map<String, Set<String>> BOUNDARY_METHODS =
      Map.of(
          "io.pitwall.app.engine.Engine", Set.of("canPublish", "checkPublishing"),
          "io.pitwall.kafka.Availability", Set.of("isUp"),
          "io.pitwall.kafka.watches.MembershipLiveness", Set.of("touch", "live"),
          "io.pitwall.kafka.publish.TransactionalPublisher", Set.of("publish", "failed"));

  @Test
  void shouldFindNoLockOnThePollingPath() throws Exception {
    List<String> found = new ArrayList<>();
    int classes = 0;
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(new ModuleLayeringTest.NoTestJars())
            .importPackages("io.pitwall")) {
      String name = type.getName();
      boolean polling =
          POLLING_PACKAGES.stream().anyMatch(p -> name.startsWith(p + "."))
              || (name.startsWith("io.pitwall.app.engine.")
                  && ENGINE_CLASSES.contains(outerSimpleName(name)));
      if (polling) {
        found.addAll(LockFinder.locks(load(name), m -> true));
        classes++;
      }
    }
    for (Map.Entry<String, Set<String>> e : BOUNDARY_METHODS.entrySet()) {
      found.addAll(LockFinder.locks(load(e.getKey()), e.getValue()::contains));
    }
    assertThat(classes).as("classes checked").isGreaterThan(100);
    assertThat(found)
        .as(
            "locks on the polling path: a verticle's state is its own; send it a message (the"
                + " event bus, PollingVerticles) instead of guarding it")
        .isEmpty();
  }

  @Test
  void shouldFindEachKindOfLock() {
    assertThat(LockFinder.locks(Locked.class, m -> true))
        .containsOnly(
            Locked.class.getName() + "#method: synchronized method",
            Locked.class.getName() + "#block: synchronized block",
            Locked.class.getName() + "#lambda$inLambda$0: synchronized block",
            Locked.class.getName() + "#lock: uses java.util.concurrent.locks.ReentrantLock",
            Locked.class.getName() + "#lock: calls java.util.concurrent.locks.ReentrantLock.<init>",
            Locked.class.getName() + "#lock: calls java.util.concurrent.locks.ReentrantLock.lock",
            Locked.class.getName() + "#lock: calls java.util.concurrent.locks.ReentrantLock.unlock",
            Locked.class.getName() + "#waits: synchronized block",
            Locked.class.getName() + "#waits: calls Object.wait");
    assertThat(LockFinder.locks(Locked.class, "free"::equals)).isEmpty();
  }

  private static String outerSimpleName(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    return nested < 0 ? simple : simple.substring(0, nested);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PollingPathLockFreeTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every kind of lock the finder must see. */
  @SuppressWarnings("unused")
  static final class Locked {
    private final Object guard = new Object();
    private int n;

    synchronized void method() {
      n++;
    }

    void block() {
      synchronized (guard) {
        n++;
      }
    }

    Runnable inLambda() {
      return () -> {
        synchronized (guard) {
          n++;
        }
      };
    }

    void lock() {
      ReentrantLock lock = new ReentrantLock();
      lock.lock();
      try {
        n++;
      } finally {
        lock.unlock();
      }
    }

    void waits() throws InterruptedException {
      synchronized (guard) {
        guard.wait(1);
      }
    }

    int free() {
      return n + 1;
    }
  }
}
