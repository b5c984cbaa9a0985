package io.github.govdx.testkit;

import io.github.govdx.core.ident.IdentifierType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unmasked personal identifiers in text — citizen ID numbers (GB 11643) and mobile numbers — with the
 * identifier checks of govdx-core ({@link IdentifierType}), so a test can assert that a log, transcript or error
 * message leaks none. A candidate counts only if it passes the check (a valid check digit, a known province, a
 * real mobile prefix) and stands alone (no ASCII letter or digit on either side, so digit runs inside hex
 * digests, UUIDs and codes are not taken for identifiers), so masked values ({@code 3205**********123X}) do not.
 *
 * <pre>{@code
 * assertThat(PersonalDataScanner.scan(transcript)).isEmpty();
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class PersonalDataScanner {

  private static final Pattern ID =
      Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");

  private PersonalDataScanner() {}

  /**
   * A finding: what kind of identifier and where, never the value itself.
   *
   * @param type the identifier type
   * @param start the start index in the text
   * @param end the end index (exclusive)
   */
  public record Finding(IdentifierType type, int start, int end) {
    /**
     * Checks the members.
     *
     * @param type the type
     * @param start the start
     * @param end the end
     */
    public Finding {
      Objects.requireNonNull(type, "type == null");
    }
  }

  /**
   * Scans text.
   *
   * @param text the text
   * @return the findings, in order of position (empty when clean)
   * @throws NullPointerException if {@code text} is null
   */
  public static List<Finding> scan(CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    List<Finding> out = new ArrayList<>();
    Matcher m = ID.matcher(text);
    while (m.find()) {
      if (IdentifierType.CITIZEN_ID.check(m.group().toUpperCase(java.util.Locale.ROOT)).isValid()) {
        out.add(new Finding(IdentifierType.CITIZEN_ID, m.start(), m.end()));
      }
    }
    m = MOBILE.matcher(text);
    while (m.find()) {
      if (IdentifierType.MOBILE_PHONE.check(m.group()).isValid()) {
        out.add(new Finding(IdentifierType.MOBILE_PHONE, m.start(), m.end()));
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  /**
   * Whether text holds any unmasked identifier.
   *
   * @param text the text
   * @return {@code true} if {@link #scan(CharSequence)} finds anything
   */
  public static boolean containsPersonalData(CharSequence text) {
    return !scan(text).isEmpty();
  }
}
