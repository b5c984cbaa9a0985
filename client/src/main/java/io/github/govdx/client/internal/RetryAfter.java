package io.github.govdx.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code Retry-After} header (RFC 9110 §10.2.3): either delta-seconds or an HTTP-date (RFC 9110 §5.6.7:
 * IMF-fixdate, and the obsolete RFC 850 and asctime forms, which recipients must accept). Garbage, negative values
 * and over-long values are ignored (empty); a date in the past gives zero; every result is capped.
 *
 * <p>Thread-safe (stateless).
 */
public final class RetryAfter {

  /** The default cap: five minutes. Longer waits are better left to the caller. */
  public static final Duration DEFAULT_CAP = Duration.ofMinutes(5);

  private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]+");
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  private static final DateTimeFormatter RFC_850 =
      new DateTimeFormatterBuilder()
          .appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US);
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US);

  private RetryAfter() {}

  /**
   * Parses a header value with the {@link #DEFAULT_CAP}.
   *
   * @param headerValue the header value, or {@code null} if absent
   * @param clock the clock that gives "now" for the HTTP-date form
   * @return the delay, between zero and the cap; empty if absent or unparseable
   * @throws NullPointerException if {@code clock} is {@code null}
   */
  public static Optional<Duration> parse(@Nullable String headerValue, Clock clock) {
    return parse(headerValue, clock, DEFAULT_CAP);
  }

  /**
   * Parses a header value.
   *
   * @param headerValue the header value, or {@code null} if absent
   * @param clock the clock that gives "now" for the HTTP-date form
   * @param cap the largest delay returned
   * @return the delay, between zero and {@code cap}; empty if absent or unparseable
   * @throws NullPointerException if {@code clock} or {@code cap} is {@code null}
   * @throws IllegalArgumentException if {@code cap} is negative
   */
  public static Optional<Duration> parse(@Nullable String headerValue, Clock clock, Duration cap) {
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(cap, "cap == null");
    if (cap.isNegative()) {
      throw new IllegalArgumentException("cap < 0: " + cap);
    }
    if (headerValue == null) {
      return Optional.empty();
    }
    String value = headerValue.trim();
    if (value.isEmpty() || value.length() > 64) {
      return Optional.empty();
    }
    if (DELTA_SECONDS.matcher(value).matches()) {
      long seconds = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value);
      return Optional.of(seconds >= cap.getSeconds() ? cap : min(Duration.ofSeconds(seconds), cap));
    }
    Instant date = parseHttpDate(value);
    if (date == null) {
      return Optional.empty();
    }
    Duration until = Duration.between(clock.instant(), date);
    return Optional.of(until.isNegative() ? Duration.ZERO : min(until, cap));
  }

  private static @Nullable Instant parseHttpDate(String value) {
    String collapsed = value.replaceAll(" +", " ");
    for (DateTimeFormatter format : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
      try {
        return LocalDateTime.parse(format == ASCTIME ? collapsed : value, format)
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // not this form: try the next one
      }
    }
    return null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
