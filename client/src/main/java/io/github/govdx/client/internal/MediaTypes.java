package io.github.govdx.client.internal;

import okhttp3.MediaType;
import org.jspecify.annotations.Nullable;

/** The content types of {@code docs/protocol.md} section 1. */
public final class MediaTypes {

  /** Plain JSON, sent with {@code charset=utf-8}. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** A sealed or signed envelope. */
  public static final MediaType ENVELOPE = MediaType.get("application/govdx-envelope+json");

  /** Raw bytes: file transfer parts and content ({@code docs/protocol.md} §15). */
  public static final MediaType OCTETS = MediaType.get("application/octet-stream");

  private MediaTypes() {}

  /**
   * Whether a content type header value is plain JSON (any {@code charset} must be UTF-8).
   *
   * @param contentType the header value, or {@code null}
   * @return {@code true} for {@code application/json}
   */
  public static boolean isJson(@Nullable String contentType) {
    MediaType t = contentType == null ? null : MediaType.parse(contentType);
    if (t == null || !t.type().equals("application") || !t.subtype().equals("json")) {
      return false;
    }
    String cs = t.parameter("charset");
    return cs == null || cs.equalsIgnoreCase("utf-8");
  }

  /**
   * Whether a content type header value is the envelope type.
   *
   * @param contentType the header value, or {@code null}
   * @return {@code true} for {@code application/govdx-envelope+json}
   */
  public static boolean isEnvelope(@Nullable String contentType) {
    MediaType t = contentType == null ? null : MediaType.parse(contentType);
    return t != null && t.type().equals("application") && t.subtype().equals("govdx-envelope+json");
  }
}
