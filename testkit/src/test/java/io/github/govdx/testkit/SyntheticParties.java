package io.github.govdx.testkit;

/**
 * Valid GB 32100 credit codes for synthetic test departments: department 1, category 2 (事业单位), region 320500,
 * an embedded GB 11714 organisation code with its own check character, and the MOD 31 check character.
 */
final class SyntheticParties {

  private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private SyntheticParties() {}

  static String creditCode(int n) {
    String org = String.format("T%07d", n);
    int s = 0;
    for (int i = 0; i < 8; i++) {
      char c = org.charAt(i);
      s += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORG_WEIGHTS[i];
    }
    int r = 11 - s % 11;
    String body = "12320500" + org + (r == 10 ? "X" : r == 11 ? "0" : Integer.toString(r));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARS.indexOf(body.charAt(i)) * WEIGHTS[i];
    }
    return body + CHARS.charAt((31 - sum % 31) % 31);
  }
}
