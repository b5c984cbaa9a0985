package io.github.govdx.crypto;

import io.github.govdx.core.ErrorCode;

/**
 * The error codes of govdx-crypto ({@code GDX-2xxx}).
 *
 * <p>Ranges: {@code GDX-20xx} envelope structure and algorithms, {@code GDX-21xx} decryption, signature and
 * routing checks, {@code GDX-22xx} certificates, {@code GDX-23xx} freshness and replay, {@code GDX-24xx} key
 * material, {@code GDX-25xx} receipts and the evidence log. Codes are stable: never renumber or reuse one.
 * The table with meanings is in {@code docs/errors.md}. Thread-safe.
 */
public enum CryptoErrorCode implements ErrorCode {

  // GDX-20xx envelope structure and algorithms

  /** The envelope is not JSON, not a flattened JWS/JWE, or a member or header is not well-formed. */
  ENVELOPE_MALFORMED("GDX-2001", "malformed envelope"),
  /** The envelope, a header or the payload exceeds the configured size limit (checked before parsing). */
  ENVELOPE_TOO_LARGE("GDX-2002", "envelope too large"),
  /** The envelope JSON is nested deeper than the limit (checked before parsing). */
  ENVELOPE_TOO_DEEP("GDX-2003", "envelope nested too deeply"),
  /** A forbidden member ({@code unprotected}, {@code header}, {@code aad}, general serialization) or header parameter. */
  ENVELOPE_FORBIDDEN_MEMBER("GDX-2004", "forbidden envelope member or header parameter"),
  /** A routing header parameter is missing or not valid. */
  ROUTING_HEADER_INVALID("GDX-2005", "missing or invalid routing header"),
  /** The {@code alg}/{@code enc} combination is not on the allow-list of any suite (including {@code none}). */
  ALGORITHM_NOT_ALLOWED("GDX-2006", "algorithm not allowed"),
  /** The envelope's suite is valid but not enabled by this receiver. */
  SUITE_NOT_ACCEPTED("GDX-2007", "suite not accepted"),
  /** A signed envelope was given to {@code open}, or a sealed one to {@code verify}. */
  WRONG_ENVELOPE_KIND("GDX-2008", "wrong envelope kind"),

  // GDX-21xx decryption, signature and routing

  /** The content or the encrypted key could not be decrypted (tag mismatch, bad ciphertext). */
  DECRYPTION_FAILED("GDX-2101", "decryption failed"),
  /** The signature does not verify with the signer's certificate. */
  SIGNATURE_INVALID("GDX-2102", "signature invalid"),
  /** The signer's certificate does not belong to the claimed sender. */
  SIGNER_NOT_SENDER("GDX-2103", "signer is not the claimed sender"),
  /** The routing headers of the inner JWS and the outer JWE differ. */
  ROUTING_HEADER_MISMATCH("GDX-2104", "inner and outer routing headers differ"),
  /** The envelope is addressed to another party. */
  WRONG_RECEIVER("GDX-2105", "receiver is not this party"),
  /** The envelope was encrypted to another key ({@code kid} is not this party's certificate). */
  WRONG_RECIPIENT_KEY("GDX-2106", "encrypted to another key"),

  // GDX-22xx certificates

  /** The signer's certificate chain does not lead to a trust anchor. */
  CERTIFICATE_UNTRUSTED("GDX-2201", "certificate untrusted"),
  /** A certificate of the chain has expired. */
  CERTIFICATE_EXPIRED("GDX-2202", "certificate expired"),
  /** A certificate of the chain is not valid yet. */
  CERTIFICATE_NOT_YET_VALID("GDX-2203", "certificate not yet valid"),
  /** The certificate chain ({@code x5c}) is missing or malformed, or does not match {@code kid}. */
  CERTIFICATE_INVALID("GDX-2204", "certificate invalid"),
  /** No usable certificate of the receiver in the party directory. */
  RECEIVER_CERTIFICATE_NOT_FOUND("GDX-2205", "receiver certificate not found"),
  /** The receiver's certificate is of another suite or names another party. */
  RECEIVER_CERTIFICATE_UNSUITABLE("GDX-2206", "receiver certificate unsuitable"),

  /**
   * The signer's certificate does not allow signing (its keyUsage has neither digitalSignature nor
   * nonRepudiation): for example an encryption certificate of a dual pair (双证书) used to sign.
   */
  CERTIFICATE_USAGE_NOT_ALLOWED("GDX-2207", "certificate not allowed for this use"),

  /** A certificate of the chain was revoked (by a verified CRL or OCSP response). */
  CERTIFICATE_REVOKED("GDX-2208", "certificate revoked"),

  /** Hard-fail revocation policy: the OCSP responder answered "unknown" for a certificate of the chain. */
  REVOCATION_STATUS_UNKNOWN("GDX-2209", "revocation status unknown"),

  /** Hard-fail revocation policy: the only CRL to be had is past its nextUpdate. */
  REVOCATION_INFO_STALE("GDX-2210", "revocation information stale"),

  /**
   * Hard-fail revocation policy: no CRL or OCSP answer could be had or verified for a certificate of the chain.
   * Retryable: the source may answer later.
   */
  REVOCATION_INFO_UNAVAILABLE("GDX-2211", "revocation information unavailable"),

  // GDX-23xx freshness and replay

  /** The issued-at time is older than the clock-skew window. */
  ISSUED_AT_TOO_OLD("GDX-2301", "message too old"),
  /** The issued-at time is further in the future than the clock-skew window. */
  ISSUED_AT_IN_FUTURE("GDX-2302", "message from the future"),
  /** The message id was seen before inside its validity window. */
  REPLAY_DETECTED("GDX-2303", "replayed message"),
  /** The replay cache is full of unexpired ids; the message is refused (fail closed). Retryable. */
  REPLAY_CACHE_FULL("GDX-2304", "replay cache full"),

  // GDX-24xx key material

  /** A key, certificate, PEM, PKCS#12 or JWK input could not be read. */
  KEY_MATERIAL_INVALID("GDX-2401", "invalid key material"),

  // GDX-25xx receipts and evidence

  /** A receipt is malformed, its signature does not verify, or it does not match the envelope. */
  RECEIPT_INVALID("GDX-2501", "receipt invalid"),
  /** The evidence log's hash chain is broken (modified, deleted, inserted or reordered lines). */
  EVIDENCE_LOG_BROKEN("GDX-2502", "evidence log broken"),
  /** The evidence log could not be read or written. */
  EVIDENCE_LOG_IO("GDX-2503", "evidence log input/output failure"),

  /**
   * An RFC 3161 time-stamp could not be had or does not verify: the TSA failed or refused, its answer does not
   * match the request, or the token's imprint, TSA certificate or signature is wrong.
   */
  TIMESTAMP_INVALID("GDX-2504", "time-stamp invalid"),

  // GDX-26xx sealed streams (large bodies, DESIGN section 10)

  /** A sealed stream is not in the stream format (magic, framing, lengths, header payload). */
  STREAM_MALFORMED("GDX-2601", "malformed sealed stream"),

  /** A sealed stream ended before its final chunk and trailer: it was truncated. */
  STREAM_TRUNCATED("GDX-2602", "sealed stream truncated"),

  /**
   * A chunk did not authenticate: modified, reordered, duplicated, spliced from another stream, or its final flag
   * moved.
   */
  STREAM_CHUNK_REJECTED("GDX-2603", "sealed stream chunk rejected"),

  /** Bytes follow the final chunk other than the trailer, or follow the trailer. */
  STREAM_TRAILING_DATA("GDX-2604", "data after the end of a sealed stream"),

  /** The trailer's signature does not verify over the stream's identity, chunk count, length and digest. */
  STREAM_SIGNATURE_INVALID("GDX-2605", "sealed stream signature invalid");

  private final String code;
  private final String title;

  CryptoErrorCode(String code, String title) {
    this.code = code;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String title() {
    return title;
  }
}
