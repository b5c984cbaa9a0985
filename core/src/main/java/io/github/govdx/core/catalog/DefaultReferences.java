package io.github.govdx.core.catalog;

import io.github.govdx.core.codes.CodeTableRegistry;
import io.github.govdx.core.ident.IdentifierType;
import java.util.function.Predicate;

/** The default answers to "is this code table / identifier check known?": govdx's registry and checks. */
final class DefaultReferences {

  static final Predicate<String> CODE_TABLES =
      id -> CodeTableRegistry.defaultRegistry().find(id).isPresent();
  static final Predicate<String> IDENTIFIERS = key -> IdentifierType.fromKey(key).isPresent();

  private DefaultReferences() {}
}
