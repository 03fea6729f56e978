package io.pitwall.simulator.psn.activity;

import io.pitwall.simulator.psn.PsnWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic script of account activity for tests: steps with an offset from the scenario's
 * start, applied in order either all at once, one at a time, or up to an instant. Earn times are
 * the start plus the step's offset, so the ground truth is known before the run.
 */
public final class PsnScenario {

  /**
   * One scripted change.
   *
   * @param offset time after the scenario's start
   * @param description for logs and assertion messages
   * @param action what it does to the world, given the step's instant
   */
  public record Step(Duration offset, String description, StepAction action) {}

  /** What a step does. */
  @FunctionalInterface
  public interface StepAction {
    /** Applies the step to {@code world} at {@code at}. */
    void apply(PsnWorld world, Instant at);
  }

  private final List<Step> steps = new ArrayList<>();
  private int applied;

  /** The account earns a trophy {@code offset} after the start. */
  public PsnScenario earn(
      Duration offset, String accountId, String npCommunicationId, int trophyId) {
    return step(
        offset,
        accountId + " earns " + npCommunicationId + "#" + trophyId,
        (world, at) -> world.earn(accountId, npCommunicationId, trophyId, at));
  }

  /** The account launches a title for the first time (it appears with nothing earned). */
  public PsnScenario sync(Duration offset, String accountId, String npCommunicationId) {
    return step(
        offset,
        accountId + " syncs " + npCommunicationId,
        (world, at) -> world.sync(accountId, npCommunicationId, at));
  }

  /** The account hides a title from others. */
  public PsnScenario hide(Duration offset, String accountId, String npCommunicationId) {
    return step(
        offset,
        accountId + " hides " + npCommunicationId,
        (world, at) -> world.hide(accountId, npCommunicationId, true));
  }

  /** Any other change. */
  public PsnScenario step(Duration offset, String description, StepAction action) {
    if (!steps.isEmpty() && offset.compareTo(steps.get(steps.size() - 1).offset()) < 0) {
      throw new IllegalArgumentException("steps must be in time order: " + description);
    }
    steps.add(new Step(offset, description, action));
    return this;
  }

  /** The steps, in order. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Applies the next step, if any; returns whether there was one. */
  public boolean applyNext(PsnWorld world, Instant start) {
    if (applied >= steps.size()) {
      return false;
    }
    Step step = steps.get(applied++);
    step.action().apply(world, start.plus(step.offset()));
    return true;
  }

  /** Applies every remaining step due at or before {@code now}. */
  public void applyUntil(PsnWorld world, Instant start, Instant now, Consumer<Step> onApplied) {
    while (applied < steps.size() && !start.plus(steps.get(applied).offset()).isAfter(now)) {
      Step step = steps.get(applied);
      applyNext(world, start);
      onApplied.accept(step);
    }
  }

  /** Whether every step has been applied. */
  public boolean finished() {
    return applied >= steps.size();
  }
}
