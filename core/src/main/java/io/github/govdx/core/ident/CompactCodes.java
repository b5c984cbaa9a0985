package io.github.govdx.core.ident;

/**
 * The few code-table facts an identifier check needs, in a compact form, so that checking a party id or a credit
 * code (every {@code PartyId.parse}, also at an application's start-up) reads no code table: the GB 32100-2015
 * registration department codes (Table 1) and organisation categories (Table 2, with Amendment No. 1), and the
 * two-digit province codes of the built-in GB/T 2260 editions. They are the built-in tables' own values, and
 * {@code CompactCodesTest} checks that they still equal what the tables hold; the tables stay the source for names
 * and lookups.
 */
final class CompactCodes {

  /** GB 32100 Table 1: the first character of a credit code. */
  static final String DEPARTMENTS = "123456789ANY";

  /** GB 32100 Table 2: the first two characters of a credit code (department, then category). */
  static final String CATEGORIES =
      "11 12 13 19 21 29 31 32 33 34 35 39 41 49 51 52 53 59 61 62 69 71 72 79 81 89 91 92 93 A1 A9 N1 N2 N3 N9"
          + " Y1";

  /**
   * GB/T 2260: the provinces (codes {@code xx0000}) of the 2007 edition and the Ministry of Civil Affairs' 2020-12
   * list, plus 83 (台湾居民居住证 numbers, 国务院办公厅 2018, use 83 beside 81 and 82).
   */
  static final String PROVINCES =
      "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83";

  private CompactCodes() {}

  /** @return {@link #DEPARTMENTS} as a lookup by character (ASCII) */
  static boolean[] departments() {
    boolean[] ok = new boolean[128];
    for (int i = 0; i < DEPARTMENTS.length(); i++) {
      ok[DEPARTMENTS.charAt(i)] = true;
    }
    return ok;
  }

  /** @return {@link #CATEGORIES} as a lookup by {@code first * 128 + second} (ASCII) */
  static boolean[] categories() {
    boolean[] ok = new boolean[128 * 128];
    for (String c : CATEGORIES.split(" ")) {
      ok[c.charAt(0) * 128 + c.charAt(1)] = true;
    }
    return ok;
  }

  /** @return {@link #PROVINCES} as a lookup by the two digits' value (0 to 99) */
  static boolean[] provinces() {
    boolean[] ok = new boolean[100];
    for (String p : PROVINCES.split(" ")) {
      ok[(p.charAt(0) - '0') * 10 + p.charAt(1) - '0'] = true;
    }
    return ok;
  }
}
