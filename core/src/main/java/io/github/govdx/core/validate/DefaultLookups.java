package io.github.govdx.core.validate;

import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import io.github.govdx.core.ident.CheckResult;
import io.github.govdx.core.ident.IdentifierType;
import java.util.Optional;
import java.util.function.Predicate;

/** The default lookups: govdx's code table registry and identifier checks. */
final class DefaultLookups {

  static final CodeTableLookup CODE_TABLES =
      (table, edition) -> registry(CodeTableRegistry.defaultRegistry(), table, edition);

  static final IdentifierLookup IDENTIFIERS =
      key -> IdentifierType.fromKey(key).map(DefaultLookups::check);

  private DefaultLookups() {}

  static Optional<Predicate<String>> registry(
      CodeTableRegistry registry, String table, String edition) {
    Optional<CodeTable> t =
        edition.isEmpty() ? registry.find(table) : registry.find(table, edition);
    return t.map(codeTable -> codeTable::contains);
  }

  private static IdentifierCheck check(IdentifierType type) {
    return value -> {
      CheckResult r = type.check(value);
      if (r.isValid()) {
        return IdentifierVerdict.ok();
      }
      String code = r.errorCode().map(c -> c.code() + " ").orElse("");
      return IdentifierVerdict.invalid(r.rule(), code + r.reason());
    };
  }
}
