package io.github.govdx.client.observation;

/**
 * How a call or a handled request ended. Thread-safe (an enum).
 *
 * <ul>
 *   <li>{@link #SUCCESS}: a 2xx answer, opened and bound when sealed.</li>
 *   <li>{@link #REFUSED}: the request or its envelope was refused for what it is — a {@code 4xx} answer with a
 *       {@code GDX-} code, an envelope that does not open or is not bound, records that break their schema. Sending
 *       it again unchanged does not help.</li>
 *   <li>{@link #ERROR}: everything else — a {@code 5xx} answer, a connection failure, a timeout, an open circuit, no
 *       rate-limit permit, a cancelled call, a provider handler that failed.</li>
 * </ul>
 */
public enum Outcome {
  /** A 2xx answer. */
  SUCCESS,
  /** Refused with a {@code GDX-} code (4xx, envelope or records). */
  REFUSED,
  /** A server, transport or local failure. */
  ERROR;

  /**
   * The lower-case name used as a meter tag and span attribute value.
   *
   * @return {@code success}, {@code refused} or {@code error}
   */
  public String tagValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
