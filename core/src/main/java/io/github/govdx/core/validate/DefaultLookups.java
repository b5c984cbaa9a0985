package io.github.govdx.core.validate;

import java.util.Optional;

/** The default lookups; wired to the code table registry and identifier checks of core. */
final class DefaultLookups {

  // Placeholder until the codes/ident packages land: nothing is known.
  static final CodeTableLookup CODE_TABLES = (table, edition) -> Optional.empty();
  static final IdentifierLookup IDENTIFIERS = key -> Optional.empty();

  private DefaultLookups() {
  }
}
