package io.github.govdx.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Accumulates violations up to a cap, counting the rest. Not thread-safe. */
final class ReportCollector {

  private final int cap;
  private final Consumer<Violation> sink;
  private final List<Violation> kept = new ArrayList<>();
  private long dropped;
  private long records;
  private long invalid;

  ReportCollector(int cap, Consumer<Violation> sink) {
    this.cap = cap;
    this.sink = sink;
  }

  void record(List<Violation> violations) {
    records++;
    if (violations.isEmpty()) {
      return;
    }
    invalid++;
    for (Violation v : violations) {
      sink.accept(v);
      if (kept.size() < cap) {
        kept.add(v);
      } else {
        dropped++;
      }
    }
  }

  ValidationReport report() {
    return new ValidationReport(kept, dropped, records, invalid);
  }
}
