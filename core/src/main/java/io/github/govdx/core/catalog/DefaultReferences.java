package io.github.govdx.core.catalog;

import java.util.function.Predicate;

/** The default answers to "is this code table / identifier check known?". */
final class DefaultReferences {

  // Placeholder until the codes/ident packages land: everything is accepted.
  static final Predicate<String> CODE_TABLES = id -> true;
  static final Predicate<String> IDENTIFIERS = key -> true;

  private DefaultReferences() {
  }
}
