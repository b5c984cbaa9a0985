package io.github.govdx.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Synthetic people for tests and examples: generated names, citizen ID numbers (公民身份号码) with a valid
 * GB 11643-1999 check character (ISO 7064 MOD 11-2) and sequence parity matching the sex, birth dates, mobile
 * numbers and addresses. They belong to nobody; never use real people's data in tests. Deterministic for a seed.
 *
 * <pre>{@code
 * List<SyntheticPeople.Person> people = SyntheticPeople.generate(42, 10);
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class SyntheticPeople {

  /** GB 11643-1999 weights of positions 1–17. */
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** GB 11643-1999 check characters by sum mod 11. */
  private static final String CHECK = "10X98765432";

  /** County codes of 苏州市 (GB/T 2260). */
  private static final String[] AREAS = {"320505", "320506", "320507", "320508", "320509"};

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  private static final String GIVEN = "子涵浩然雨欣梓轩思远佳怡俊杰晓燕明轩嘉怡文博雅琴";
  private static final String[] STREETS = {"金山路", "狮山路", "长江路", "竹园路", "滨河路", "何山路", "塔园路"};
  private static final String[] MOBILE_PREFIXES = {"139", "138", "158", "188", "199"};

  private SyntheticPeople() {}

  /**
   * A synthetic person. {@link #toString()} masks the identifiers.
   *
   * @param name the name (姓名)
   * @param idNumber the 18-character citizen ID number
   * @param sex {@code 1} male or {@code 2} female (GB/T 2261.1)
   * @param birthDate the birth date
   * @param mobile an 11-digit mobile number
   * @param address an address in 苏州市
   */
  public record Person(
      String name,
      String idNumber,
      String sex,
      LocalDate birthDate,
      String mobile,
      String address) {

    /**
     * Checks the members.
     *
     * @param name the name
     * @param idNumber the ID number
     * @param sex the sex code
     * @param birthDate the birth date
     * @param mobile the mobile number
     * @param address the address
     */
    public Person {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(idNumber, "idNumber == null");
      Objects.requireNonNull(sex, "sex == null");
      Objects.requireNonNull(birthDate, "birthDate == null");
      Objects.requireNonNull(mobile, "mobile == null");
      Objects.requireNonNull(address, "address == null");
    }

    /** Masks the name, ID number and mobile number. */
    @Override
    public String toString() {
      return "Person{"
          + name.charAt(0)
          + "*, "
          + idNumber.substring(0, 6)
          + "********"
          + idNumber.substring(14)
          + ", "
          + mobile.substring(0, 3)
          + "****"
          + mobile.substring(7)
          + "}";
    }
  }

  /**
   * Generates people.
   *
   * @param seed the random seed (same seed, same people)
   * @param count how many, 0–100 000
   * @return the people
   * @throws IllegalArgumentException if {@code count} is out of range
   */
  public static List<Person> generate(long seed, int count) {
    if (count < 0 || count > 100_000) {
      throw new IllegalArgumentException("count must be 0-100000: " + count);
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<Person> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String sex = r.nextBoolean() ? "1" : "2";
      int seq = 1 + r.nextInt(499) * 2;
      if ("2".equals(sex)) {
        seq++;
      }
      LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000));
      String area = AREAS[r.nextInt(AREAS.length)];
      StringBuilder name =
          new StringBuilder().append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
      int given = 1 + r.nextInt(2);
      for (int g = 0; g < given; g++) {
        name.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
      }
      String mobile =
          MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)]
              + String.format("%08d", r.nextInt(100_000_000));
      String address = "江苏省苏州市" + STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(299)) + "号";
      out.add(new Person(name.toString(), idNumber(area, birth, seq), sex, birth, mobile, address));
    }
    return out;
  }

  /**
   * Builds an ID number from its parts, computing the GB 11643-1999 check character.
   *
   * @param area the 6-digit address code (GB/T 2260)
   * @param birth the birth date
   * @param sequence the 3-digit sequence code (odd male, even female), 0–999
   * @return the 18-character ID number
   * @throws IllegalArgumentException if the area is not 6 digits or the sequence is out of range
   */
  public static String idNumber(String area, LocalDate birth, int sequence) {
    Objects.requireNonNull(area, "area == null");
    Objects.requireNonNull(birth, "birth == null");
    if (!area.matches("[0-9]{6}")
        || sequence < 0
        || sequence > 999
        || birth.getYear() < 1800
        || birth.getYear() > 9999) {
      throw new IllegalArgumentException("area must be 6 digits, sequence 0-999");
    }
    String body =
        area
            + String.format(
                "%04d%02d%02d%03d",
                birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), sequence);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + CHECK.charAt(sum % 11);
  }
}
