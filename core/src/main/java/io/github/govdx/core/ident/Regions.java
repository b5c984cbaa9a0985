package io.github.govdx.core.ident;

import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GB/T 2260 facts the checks need, from the default registry's built-in editions (newest first), computed
 * once. Thread-safe (class-holder initialisation).
 */
final class Regions {

  static final String TABLE = "GB/T 2260";

  private Regions() {}

  private static final class Holder {
    static final List<CodeTable> EDITIONS;
    static final Set<String> PROVINCES;

    static {
      CodeTableRegistry r = CodeTableRegistry.defaultRegistry();
      List<CodeTable> eds = new ArrayList<>();
      for (String e : r.editions(TABLE)) {
        eds.add(r.require(TABLE, e));
      }
      Collections.reverse(eds);
      EDITIONS = List.copyOf(eds);
      Set<String> p = new HashSet<>();
      for (CodeTable t : EDITIONS) {
        for (CodeEntry e : t.entries()) {
          if (e.code().length() == 6 && e.code().endsWith("0000")) {
            p.add(e.code().substring(0, 2));
          }
        }
      }
      // 830000: 台湾居民居住证 numbers (国务院办公厅 2018, 港澳台居民居住证申领发放办法) use 83 beside 81 and 82.
      p.add("83");
      PROVINCES = Set.copyOf(p);
      boolean[] known = new boolean[100];
      for (String code : PROVINCES) {
        if (code.length() == 2
            && Character.isDigit(code.charAt(0))
            && Character.isDigit(code.charAt(1))) {
          known[(code.charAt(0) - '0') * 10 + code.charAt(1) - '0'] = true;
        }
      }
      KNOWN = known;
    }

    /** {@link #PROVINCES} as a table indexed by the two digits' value (no substring, no hashing per check). */
    static final boolean[] KNOWN;
  }

  /** Whether the first two digits name a known province (any built-in GB/T 2260 edition, plus 83). */
  static boolean knownProvince(String twoDigits) {
    return twoDigits.length() == 2 && knownProvince(twoDigits.charAt(0), twoDigits.charAt(1));
  }

  /** Whether two characters are the digits of a known province. */
  static boolean knownProvince(char tens, char units) {
    return tens >= '0'
        && tens <= '9'
        && units >= '0'
        && units <= '9'
        && Holder.KNOWN[(tens - '0') * 10 + units - '0'];
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
