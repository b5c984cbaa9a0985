package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.ErrorSource;
import io.github.govdx.client.ExchangeGatewayException;
import io.github.govdx.client.ExchangePlatformException;
import io.github.govdx.client.ExchangeProviderException;
import io.github.govdx.client.ExchangeServiceException;
import io.github.govdx.core.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Maps an HTTP error response to the typed exception of {@code docs/protocol.md} section 3: the govdx error
 * body when there is one, else a code derived from the status.
 */
public final class ErrorMapper {

  private static final Pattern CODE = Pattern.compile("GDX-\\d{4}");
  private static final int MAX_MESSAGE = 500;

  private ErrorMapper() {}

  /**
   * Builds the exception for an error response.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body bytes (possibly empty or not JSON)
   * @param state the call
   * @param clock the client's clock, for the skew diagnosis on 401
   * @return the exception to throw
   */
  public static ExchangeServiceException map(
      int status, Headers headers, byte[] body, CallState state, Clock clock) {
    ObjectNode json = null;
    if (MediaTypes.isJson(headers.get("Content-Type")) && body.length > 0) {
      try {
        json = Json.parseObject(body);
      } catch (Json.MalformedJsonException e) {
        json = null;
      }
    }
    ErrorCode code = null;
    ErrorSource source = null;
    String message = null;
    List<ErrorDetail> details = new ArrayList<>();
    Instant serverTime = null;
    if (json != null
        && json.path("code").isTextual()
        && CODE.matcher(json.path("code").asText()).matches()) {
      String c = json.path("code").asText();
      code =
          ClientErrorCode.of(c)
              .map(ErrorCode.class::cast)
              .orElseGet(() -> new WireErrorCode(c, "error reported by the server"));
      source =
          json.path("source").isTextual()
              ? ErrorSource.parse(json.path("source").asText()).orElse(null)
              : null;
      message = json.path("message").isTextual() ? json.path("message").asText() : null;
      for (JsonNode d : json.path("details")) {
        if (d.isObject()) {
          details.add(
              new ErrorDetail(
                  d.path("pointer").asText(""),
                  d.path("rule").asText(""),
                  d.path("code").asText("")));
        }
      }
      if (json.path("serverTime").isTextual()) {
        try {
          serverTime = Instant.parse(json.path("serverTime").asText());
        } catch (java.time.format.DateTimeParseException e) {
          serverTime = null; // a malformed diagnostic field is ignored
        }
      }
    }
    if (code == null) {
      code = byStatus(status);
      message = "HTTP " + status + " without a govdx error body";
    }
    if (source == null) {
      source =
          status == 401 || status == 403 || status == 429
              ? ErrorSource.GATEWAY
              : ErrorSource.PLATFORM;
    }
    boolean retryable =
        code instanceof ClientErrorCode
            ? ((ClientErrorCode) code).retryable()
            : status == 429 || (status >= 500 && status != 501);
    Date httpDate = headers.get("Date") == null ? null : headers.getDate("Date");
    Instant date = serverTime != null ? serverTime : httpDate == null ? null : httpDate.toInstant();
    String text = describe(code, message, status, source);
    switch (source) {
      case GATEWAY:
        {
          String signing = state.signingString();
          if (status == 401) {
            text = text + diagnose(signing, date, clock);
          }
          return new ExchangeGatewayException(
              code,
              text,
              status,
              details,
              date,
              signing,
              retryable,
              state.requestId(),
              state.attempts());
        }
      case PROVIDER:
        return new ExchangeProviderException(
            code, text, status, details, date, retryable, state.requestId(), state.attempts());
      default:
        return new ExchangePlatformException(
            code, text, status, details, date, retryable, state.requestId(), state.attempts());
    }
  }

  /**
   * The code for a status without a govdx error body ({@code docs/protocol.md} section 3).
   *
   * @param status the HTTP status
   * @return the code
   */
  public static ClientErrorCode byStatus(int status) {
    return switch (status) {
      case 401 -> ClientErrorCode.GATEWAY_SIGNATURE_INVALID;
      case 403 -> ClientErrorCode.GATEWAY_ROUTE_FORBIDDEN;
      case 429 -> ClientErrorCode.GATEWAY_RATE_LIMITED;
      case 500 -> ClientErrorCode.PLATFORM_INTERNAL_ERROR;
      case 502 -> ClientErrorCode.PROVIDER_UNREACHABLE;
      case 503 -> ClientErrorCode.PLATFORM_UNAVAILABLE;
      case 504 -> ClientErrorCode.PROVIDER_TIMEOUT;
      default -> ClientErrorCode.UNEXPECTED_STATUS;
    };
  }

  private static String describe(
      ErrorCode code, @Nullable String message, int status, ErrorSource source) {
    String m = message == null ? code.title() : message;
    String prefix = code.code() + ": ";
    if (m.startsWith(prefix)) {
      m = m.substring(prefix.length());
    }
    m = m.replaceAll("\\p{Cntrl}", " ");
    if (m.length() > MAX_MESSAGE) {
      m = m.substring(0, MAX_MESSAGE) + "...";
    }
    return m + " (HTTP " + status + ", source " + source.wireName() + ")";
  }

  private static String diagnose(
      @Nullable String signing, @Nullable Instant serverDate, Clock clock) {
    StringBuilder sb = new StringBuilder();
    if (signing != null) {
      sb.append("; signing string used: \"").append(escape(signing)).append('"');
    } else {
      sb.append("; no signing string (no authenticator, or the scheme has none)");
    }
    Instant now = clock.instant();
    if (serverDate != null) {
      long skew = Duration.between(serverDate, now).getSeconds();
      sb.append("; server time ")
          .append(serverDate)
          .append(", client time ")
          .append(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
          .append(", client clock is ")
          .append(skew >= 0 ? "+" : "")
          .append(skew)
          .append(" s from the server");
    } else {
      sb.append("; the response had no Date header, server time unknown");
    }
    return sb.toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
