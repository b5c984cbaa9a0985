package io.github.govdx.core.ident;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Test-side generators of valid identifiers. The check characters are computed here from the formulae of
 * STANDARDS.md §4 (weights derived as powers, not copied from the main code) so the tests do not trust the
 * implementation under test.
 */
final class Generators {

  static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private Generators() {}

  /** GB 11643 MOD 11-2: W_i = 2^(i-1) mod 11 with i counted from the right (check char is i = 1). */
  static char gb11643Check(String first17) {
    int sum = 0;
    for (int p = 0; p < 17; p++) {
      int i = 18 - p;
      int w = 1;
      for (int k = 1; k < i; k++) {
        w = w * 2 % 11;
      }
      sum += (first17.charAt(p) - '0') * w;
    }
    int a1 = (12 - sum % 11) % 11; // sum + a1 ≡ 1 (mod 11)
    return a1 == 10 ? 'X' : (char) ('0' + a1);
  }

  /** GB 11714: C9 = 11 - (sum mod 11), 10 → X, 11 → 0. */
  static char gb11714Check(String body8) {
    int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body8.charAt(i);
      sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * w[i];
    }
    int c9 = 11 - sum % 11;
    return c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
  }

  /** GB 32100: W_i = 3^(i-1) mod 31; C18 = 31 - (sum mod 31), 31 → 0. */
  static char gb32100Check(String first17) {
    int sum = 0;
    int w = 1;
    for (int i = 0; i < 17; i++) {
      sum += USCC_CHARS.indexOf(first17.charAt(i)) * w;
      w = w * 3 % 31;
    }
    int c = 31 - sum % 31;
    return USCC_CHARS.charAt(c == 31 ? 0 : c);
  }

  static String citizenId(Random rnd, List<String> counties) {
    String addr = counties.get(rnd.nextInt(counties.size()));
    LocalDate d = LocalDate.of(1900, 1, 1).plusDays(rnd.nextInt(365 * 120));
    String body =
        addr
            + String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
            + String.format("%03d", rnd.nextInt(1000));
    return body + gb11643Check(body);
  }

  static String orgCode(Random rnd, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    if (b.toString().startsWith("PDY")) {
      b.setCharAt(0, 'Q');
    }
    return b.toString() + gb11714Check(b.toString());
  }

  static String uscc(Random rnd, List<String> deptCategory, List<String> regions) {
    String head =
        deptCategory.get(rnd.nextInt(deptCategory.size()))
            + regions.get(rnd.nextInt(regions.size()));
    String body =
        head + orgCode(rnd, USCC_CHARS); // the check character (digit or X) is in the USCC set
    return body + gb32100Check(body);
  }
}
