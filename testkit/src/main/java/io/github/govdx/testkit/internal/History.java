package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A state history of an application or objection, oldest first. Not thread-safe (guarded by its owner). */
final class History {

  private record Step(String state, Instant at, PartyId by, @Nullable String reason) {}

  private final List<Step> steps = new ArrayList<>();

  void add(String state, Instant at, PartyId by, @Nullable String reason) {
    steps.add(new Step(state, at, by, reason));
  }

  ArrayNode json() {
    ArrayNode a = Json.array();
    for (Step s : steps) {
      ObjectNode o = a.addObject();
      o.put("state", s.state);
      o.put("at", Json.instant(s.at));
      o.put("by", s.by.toString());
      if (s.reason != null) {
        o.put("reason", s.reason);
      }
    }
    return a;
  }
}
