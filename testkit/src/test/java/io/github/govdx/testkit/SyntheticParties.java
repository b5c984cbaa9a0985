package io.github.govdx.testkit;

/** Valid GB 32100 credit codes for synthetic test departments (public-institution category 12, Suzhou). */
final class SyntheticParties {

  private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private SyntheticParties() {
  }

  static String creditCode(int n) {
    String body = String.format("12320500T%08d", n);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARS.indexOf(body.charAt(i)) * WEIGHTS[i];
    }
    return body + CHARS.charAt((31 - sum % 31) % 31);
  }
}
