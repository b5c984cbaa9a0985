package io.github.govdx.core.codes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A source over tables already in memory. Immutable and thread-safe. */
final class FixedCodeTableSource implements CodeTableSource {

  private final String name;
  private final Map<String, Map<String, CodeTable>> tables;

  FixedCodeTableSource(String name, Collection<CodeTable> list) {
    this.name = name;
    Map<String, Map<String, CodeTable>> m = new HashMap<>();
    for (CodeTable t : list) {
      Map<String, CodeTable> eds = m.computeIfAbsent(t.id(), k -> new HashMap<>());
      if (eds.putIfAbsent(t.edition(), t) != null) {
        throw new IllegalArgumentException("two tables " + t.id() + " edition " + t.edition());
      }
    }
    Map<String, Map<String, CodeTable>> frozen = new HashMap<>();
    m.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    this.tables = Map.copyOf(frozen);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> tableIds() {
    return tables.keySet();
  }

  @Override
  public List<String> editions(String tableId) {
    Map<String, CodeTable> eds = tables.get(tableId);
    return eds == null ? List.of() : List.copyOf(new ArrayList<>(eds.keySet()));
  }

  @Override
  public Optional<CodeTable> fetch(String tableId, String edition) {
    Map<String, CodeTable> eds = tables.get(tableId);
    return eds == null ? Optional.empty() : Optional.ofNullable(eds.get(edition));
  }

  @Override
  public String toString() {
    return "CodeTableSource{" + name + ", " + tables.size() + " tables}";
  }
}
