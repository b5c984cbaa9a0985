package io.github.govdx.core.ident;

import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * GB/T 2260 facts the checks need, from the default registry's built-in editions (newest first), computed
 * once. Thread-safe (class-holder initialisation).
 */
final class Regions {

  static final String TABLE = "GB/T 2260";

  private Regions() {}

  /** The GB/T 2260 editions, newest first, read on the first lookup (never by a province check). */
  private static final class Holder {
    static final List<CodeTable> EDITIONS;

    static {
      CodeTableRegistry r = CodeTableRegistry.defaultRegistry();
      List<CodeTable> eds = new ArrayList<>();
      for (String e : r.editions(TABLE)) {
        eds.add(r.require(TABLE, e));
      }
      Collections.reverse(eds);
      EDITIONS = List.copyOf(eds);
    }
  }

  private static final boolean[] KNOWN = CompactCodes.provinces();

  static boolean knownProvince(String twoDigits) {
    return twoDigits.length() == 2 && knownProvince(twoDigits.charAt(0), twoDigits.charAt(1));
  }

  /** Whether two characters are the digits of a known province. */
  static boolean knownProvince(char tens, char units) {
    return tens >= '0'
        && tens <= '9'
        && units >= '0'
        && units <= '9'
        && KNOWN[(tens - '0') * 10 + units - '0'];
  }

  /** The entry of a code in the newest built-in edition that has it. */
  static Optional<CodeEntry> lookup(String code) {
    for (CodeTable t : Holder.EDITIONS) {
      Optional<CodeEntry> e = t.lookup(code);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }
}
