package io.albqps.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The faults injected per action, and how many calls of each action arrived. Each action has a
 * queue of rules taken in order: a rule for the next N calls is used up after N calls; a rule for
 * every call stays until {@link #clear}. Thread-safe; tests change it while the emulator runs.
 */
public final class Faults {
  /** Marks a rule that never runs out. */
  private static final int ALWAYS = -1;

  private final Map<String, Deque<Rule>> rules = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();

  /** Applies {@code fault} to the next {@code times} calls of {@code action}. */
  public synchronized Faults inject(String action, Fault fault, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times: expected >= 1, got " + times);
    }
    add(action, fault, times);
    return this;
  }

  /** Applies {@code fault} to every call of {@code action} from now on. */
  public synchronized Faults injectAlways(String action, Fault fault) {
    add(action, fault, ALWAYS);
    return this;
  }

  /** Applies a parsed command-line spec. */
  public synchronized Faults inject(FaultSpec spec) {
    add(spec.action(), spec.fault(), spec.times().orElse(ALWAYS));
    return this;
  }

  /** Removes every rule (the counters stay). */
  public synchronized void clear() {
    rules.clear();
  }

  /** How many calls of {@code action} arrived, whatever their outcome. */
  public synchronized int calls(String action) {
    return calls.getOrDefault(action, 0);
  }

  /** Every action seen, by name, with its call count. */
  public synchronized Map<String, Integer> callCounts() {
    return new TreeMap<>(calls);
  }

  synchronized void recordCall(String action) {
    calls.merge(action, 1, Integer::sum);
  }

  /** The fault for this call of {@code action}, using up one call of its rule. */
  synchronized Optional<Fault> take(String action) {
    Deque<Rule> queue = rules.get(action);
    if (queue == null || queue.isEmpty()) {
      return Optional.empty();
    }
    Rule rule = queue.peekFirst();
    if (rule.remaining != ALWAYS && --rule.remaining == 0) {
      queue.removeFirst();
    }
    return Optional.of(rule.fault);
  }

  private void add(String action, Fault fault, int times) {
    Actions.requireKnown(action);
    if (fault.kind().metricDataOnly() && !Actions.GET_METRIC_DATA.equals(action)) {
      throw new IllegalArgumentException(
          "fault " + fault.kind() + " shapes data points: it applies to GetMetricData only");
    }
    rules.computeIfAbsent(action, a -> new ArrayDeque<>()).addLast(new Rule(fault, times));
  }

  /** A fault and how many more calls it applies to. */
  private static final class Rule {
    final Fault fault;
    int remaining;

    Rule(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
