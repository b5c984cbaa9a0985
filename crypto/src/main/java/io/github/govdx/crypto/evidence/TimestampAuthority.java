package io.github.govdx.crypto.evidence;

/**
 * A time-stamping authority (时间戳服务, RFC 3161) as govdx-crypto sees it: something that answers a DER
 * {@code TimeStampReq} with a DER {@code TimeStampResp}. govdx-crypto builds the request and verifies the answer
 * ({@link TimestampToken#request}); it knows nothing of HTTP — the client module's {@code HttpTimestampAuthority}
 * posts {@code application/timestamp-query} to a TSA URL, and the sandbox runs a test TSA.
 *
 * <p>Implementations are thread-safe and bound their own time; a failure is an unchecked exception.
 */
@FunctionalInterface
public interface TimestampAuthority {

  /**
   * Sends a time-stamp request.
   *
   * @param timeStampQuery the DER {@code TimeStampReq}
   * @return the DER {@code TimeStampResp}
   */
  byte[] respond(byte[] timeStampQuery);
}
