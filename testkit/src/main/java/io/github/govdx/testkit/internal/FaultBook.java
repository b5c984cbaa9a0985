package io.github.govdx.testkit.internal;

import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The faults injected per route, with their remaining counts. Thread-safe. */
public final class FaultBook {

  private final Map<Route, List<Active>> faults = new ConcurrentHashMap<>();

  /** A planned effect for one request. */
  public record Plan(Duration latency, @Nullable Fault fault) {}

  private static final class Active {
    final Fault fault;
    final @Nullable AtomicInteger remaining;

    Active(Fault fault) {
      this.fault = fault;
      this.remaining = fault.timesValue() > 0 ? new AtomicInteger(fault.timesValue()) : null;
    }

    boolean take() {
      if (remaining == null) {
        return true;
      }
      while (true) {
        int r = remaining.get();
        if (r <= 0) {
          return false;
        }
        if (remaining.compareAndSet(r, r - 1)) {
          return true;
        }
      }
    }
  }

  /**
   * Adds a fault.
   *
   * @param route the route
   * @param fault the fault
   */
  public void add(Route route, Fault fault) {
    faults.computeIfAbsent(route, r -> new CopyOnWriteArrayList<>()).add(new Active(fault));
  }

  /** Removes every fault. */
  public void clear() {
    faults.clear();
  }

  /**
   * Removes the faults of one route.
   *
   * @param route the route
   */
  public void clear(Route route) {
    faults.remove(route);
  }

  /**
   * Plans the faults of one request, before or after handling, consuming counted faults.
   *
   * @param route the route
   * @param after whether this is the after-handling phase
   * @return the plan
   */
  public Plan plan(Route route, boolean after) {
    List<Active> list = faults.get(route);
    if (list == null) {
      return new Plan(Duration.ZERO, null);
    }
    Duration latency = Duration.ZERO;
    Fault chosen = null;
    for (Active a : list) {
      if (a.fault.isAfterHandling() != after) {
        continue;
      }
      if (a.fault.kind() == Fault.Kind.LATENCY) {
        if (a.take()) {
          latency = latency.plus(a.fault.latencyValue());
        }
      } else if (chosen == null && a.take()) {
        chosen = a.fault;
      }
    }
    return new Plan(latency, chosen);
  }
}
