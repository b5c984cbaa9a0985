package io.github.govdx.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.internal.Es256;
import io.github.govdx.crypto.internal.GmAlgorithms;
import io.github.govdx.crypto.internal.GmJweDecrypter;
import io.github.govdx.crypto.internal.GmJweEncrypter;
import io.github.govdx.crypto.internal.GmJwsVerifier;
import io.github.govdx.crypto.internal.HolderEcdhDecrypter;
import io.github.govdx.crypto.internal.HolderJwsSigner;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.PartyKeyRing;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs, seals, verifies and opens envelopes for one party (DESIGN §4, {@code docs/envelope.md}).
 *
 * <pre>{@code
 * EnvelopeCodec codec = EnvelopeCodec.builder()
 *     .credentials(myCredentials)          // my party, private key, certificate chain
 *     .trustStore(TrustStore.of(caCert))   // whom I trust as signers
 *     .directory(partyDirectory)           // receivers' certificates
 *     .build();
 * Envelope sealed = codec.seal(RoutingHeaders.builder().sender(me).receiver(them)
 *     .resourceCode("R-001").action("query").build(), payload);
 * OpenedMessage msg = theirCodec.open(sealed.toBytes());
 * }</pre>
 *
 * <p><b>Open</b> runs, in this order, each failure with its own code: size and nesting limits before
 * parsing (2002, 2003), strict structure and header allow-list (2001, 2004, 2005), algorithm allow-list
 * (2006) and the receiver's accepted suites (2007), receiver is me (2105) and {@code kid} is my key (2106),
 * decryption (2101), the inner JWS's algorithm (2006) and routing headers equal to the outer ones (2104),
 * the signer's {@code x5c} chain and {@code kid} (2204) against the trust store at the clock's instant
 * (2201, 2202, 2203), the signature (2102), the signer is the claimed sender (2103), issued-at inside the
 * skew window (2301, 2302), and the message id not seen before (2303, 2304). {@link #verify(byte[])} runs
 * the same checks on a signed envelope, minus decryption.
 *
 * <p><b>Party matching.</b> A certificate naming a department (no system code) covers that department's
 * systems: it may sign for {@code USCC/system} senders and a codec holding it accepts envelopes addressed to
 * {@code USCC/system}. A certificate naming a system covers that system only.
 *
 * <p>Thread-safe: build one per party and share it. Signers, the decrypter, parsed receiver and signer keys
 * (bounded cache) and validated chains (in the trust store) are reused across calls.
 */
public final class EnvelopeCodec {

  private static final Logger LOG = LoggerFactory.getLogger(EnvelopeCodec.class);
  private static final int KEY_CACHE_SIZE = 512;

  private final PartyKeyRing ring;
  private final @Nullable Supplier<TrustStore> trustStore;
  private final @Nullable PartyDirectory directory;
  private final Set<Suite> acceptedSuites;
  private final Clock clock;
  private final Duration clockSkew;
  private final ReplayCache replayCache;
  private final EnvelopeLimits limits;

  private final Duration expiryWarning;
  private final Map<String, KeyOps> keyOps = new ConcurrentHashMap<>();
  private final Map<String, Instant> expiryWarned = new ConcurrentHashMap<>();

  /** What one key pair of the ring signs and decrypts with, and the chain it sends. */
  private record KeyOps(
      PartyCredentials credentials, JWSSigner signer, JWEDecrypter decrypter, List<Base64> x5c) {}

  private final Map<String, CertInfo> signerCache = new ConcurrentHashMap<>();
  private final Map<X509Certificate, CertInfo> receiverCache = new ConcurrentHashMap<>();

  private EnvelopeCodec(Builder b, PartyKeyRing ring) {
    this.ring = ring;
    this.trustStore = b.trustStore;
    this.directory = b.directory;
    this.acceptedSuites =
        b.acceptedSuites == null ? Set.of(ring.suite()) : Set.copyOf(b.acceptedSuites);
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
    this.replayCache =
        b.replayCache != null
            ? b.replayCache
            : new InMemoryReplayCache(b.clock, InMemoryReplayCache.DEFAULT_MAX_ENTRIES);
    this.limits = b.limits;
    this.expiryWarning = b.expiryWarning;
    // Signers, decrypters and chains are made on the first seal or open (ops): credentials read by
    // PartyCredentials.fromPem become JCA objects only then.
  }

  /** The signer, decrypter and chain of a key pair, made once per key id. */
  private KeyOps ops(PartyCredentials credentials) {
    KeyOps known = keyOps.get(credentials.keyId());
    if (known != null && known.credentials() == credentials) {
      return known;
    }
    PrivateKeyHolder holder = credentials.keyHolder();
    PrivateKeyHolder decryption = credentials.decryptionKeyHolder();
    JWEDecrypter decrypter;
    if (credentials.suite() == Suite.GM) {
      decrypter = new GmJweDecrypter(decryption);
    } else {
      try {
        decrypter = new HolderEcdhDecrypter(decryption);
      } catch (JOSEException e) {
        throw new IllegalArgumentException("P-256 key unusable", e);
      }
    }
    List<Base64> chain = new ArrayList<>();
    for (X509Certificate c : credentials.certificateChain()) {
      try {
        chain.add(Base64.encode(c.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded", e);
      }
    }
    KeyOps ops =
        new KeyOps(credentials, new HolderJwsSigner(holder), decrypter, List.copyOf(chain));
    keyOps.put(credentials.keyId(), ops);
    return ops;
  }

  /** The key pair to sign and seal with now, warning once a day while it nears its expiry. */
  private KeyOps current() {
    Instant now = clock.instant();
    PartyCredentials c = ring.current(now);
    Duration left = c.validFor(now);
    if (left.compareTo(expiryWarning) < 0) {
      Instant last = expiryWarned.get(c.keyId());
      if (last == null || Duration.between(last, now).compareTo(Duration.ofDays(1)) >= 0) {
        expiryWarned.put(c.keyId(), now);
        LOG.warn(
            "the certificate of key {} of {} expires in {} days: roll the key over (docs/keys.md)",
            c.keyId(),
            c.partyId(),
            left.toDays());
      }
    }
    return ops(c);
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This codec's current credentials: the key pair it signs and seals with now ({@link
   * PartyKeyRing#current(Instant)}).
   *
   * @return the credentials
   */
  public PartyCredentials credentials() {
    return ring.current(clock.instant());
  }

  /**
   * This codec's key pairs.
   *
   * @return the ring (changes to it take effect on the next message)
   */
  public PartyKeyRing keyRing() {
    return ring;
  }

  /**
   * The suite this codec signs and seals in (the suite of its credentials).
   *
   * @return the suite
   */
  public Suite suite() {
    return ring.suite();
  }

  /**
   * The suites this codec accepts on {@link #open(byte[])} and {@link #verify(byte[])}.
   *
   * @return an unmodifiable set
   */
  public Set<Suite> acceptedSuites() {
    return acceptedSuites;
  }

  // -------------------------------------------------------------------------------------------
  // large bodies: sealed streams (DESIGN section 10, docs/envelope.md "Sealed streams")

  /**
   * Seals a large body as a sealed stream, in constant memory: a sealed envelope header (routing headers, the
   * content key wrapped to the receiver as in {@link #seal(RoutingHeaders, byte[])}), then the body in authenticated
   * binary chunks of 1 MiB, then the sender's signature over the digest of the whole plaintext. No base64.
   *
   * @param headers the routing headers (issued-at defaults to the clock's now)
   * @param plaintext the body, read to its end (not closed)
   * @param out where the sealed stream goes (flushed, not closed)
   * @return the number of plaintext bytes sealed
   * @throws java.io.UncheckedIOException if reading or writing fails
   * @throws CertificateRejectedException {@code GDX-2205} if the directory has no usable receiver certificate
   */
  public long sealStream(RoutingHeaders headers, InputStream plaintext, OutputStream out) {
    return sealStream(headers, plaintext, out, SealedStreams.DEFAULT_CHUNK);
  }

  /**
   * Seals a large body with a given chunk size (see {@link #sealStream(RoutingHeaders, InputStream,
   * OutputStream)}).
   *
   * @param headers the routing headers
   * @param plaintext the body
   * @param out the sealed stream's destination
   * @param chunkSize bytes of plaintext per chunk, 1 to 16 MiB
   * @return the number of plaintext bytes sealed
   * @throws IllegalArgumentException if the chunk size is out of range
   */
  public long sealStream(
      RoutingHeaders headers, InputStream plaintext, OutputStream out, int chunkSize) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(plaintext, "plaintext == null");
    Objects.requireNonNull(out, "out == null");
    if (chunkSize < 1 || chunkSize > SealedStreams.MAX_CHUNK) {
      throw new IllegalArgumentException("chunkSize must be 1 to 16 MiB: " + chunkSize);
    }
    try {
      return SealedStreams.seal(this, headers, plaintext, out, chunkSize);
    } catch (java.io.IOException e) {
      throw SealedStreams.io(e);
    }
  }

  /**
   * Opens a sealed stream in constant memory, writing the plaintext to {@code out} chunk by chunk as each chunk
   * authenticates. <b>The output is complete and authentic only when this method returns</b>: if it throws, what
   * was written so far is a prefix that may be truncated and is not covered by the sender's signature, and must be
   * discarded (write to a temporary file and move it into place on return, as {@code govdx open --stream} does).
   * The header is opened with every check of {@link #open(byte[])} (signature, chain, receiver, freshness, replay).
   *
   * @param sealed the sealed stream, read to its end (not closed)
   * @param out where the plaintext goes (not closed)
   * @return what was established about the stream
   * @throws StreamException {@code GDX-2601..2605} for a malformed, truncated, tampered, over-long or mis-signed
   *     stream
   * @throws EnvelopeException the header's own codes ({@code GDX-20xx..23xx})
   * @throws java.io.UncheckedIOException if reading or writing fails
   */
  public OpenedStream openStream(InputStream sealed, OutputStream out) {
    Objects.requireNonNull(sealed, "sealed == null");
    Objects.requireNonNull(out, "out == null");
    try {
      return SealedStreams.open(this, sealed, out);
    } catch (java.io.IOException e) {
      throw SealedStreams.io(e);
    }
  }

  // -------------------------------------------------------------------------------------------
  // sending

  /**
   * Signs a payload: a flattened JWS with the routing headers, {@code kid} and {@code x5c} in its
   * protected header.
   *
   * @param headers the routing headers (issued-at defaults to the clock's now)
   * @param payload the payload bytes
   * @return the signed envelope
   * @throws IllegalArgumentException if the sender is not this codec's party (or one of its systems)
   */
  public Envelope sign(RoutingHeaders headers, byte[] payload) {
    Objects.requireNonNull(payload, "payload == null");
    RoutingHeaders h = complete(headers);
    KeyOps key = current();
    JWSObject jws = signJws(h, payload, key);
    String[] parts = {
      jws.getHeader().toBase64URL().toString(),
      jws.getPayload().toBase64URL().toString(),
      jws.getSignature().toString()
    };
    LOG.debug("signed message {} for {}", h.messageId(), h.receiver());
    return Envelope.produced(
        Envelope.Kind.SIGNED, suite(), h, key.credentials().keyId(), parts, jws.getHeader());
  }

  /**
   * Seals a payload to the receiver's certificate from the {@linkplain Builder#directory party directory}:
   * the first certificate of the codec's suite that is valid now (and, with a trust store, trusted).
   *
   * @param headers the routing headers (issued-at defaults to the clock's now)
   * @param payload the payload bytes
   * @return the sealed envelope
   * @throws IllegalStateException if the codec has no directory
   * @throws IllegalArgumentException if the sender is not this codec's party
   * @throws CertificateRejectedException {@code GDX-2205} if the directory has no usable certificate
   */
  public Envelope seal(RoutingHeaders headers, byte[] payload) {
    Objects.requireNonNull(headers, "headers == null");
    if (directory == null) {
      throw new IllegalStateException("seal without a certificate needs a directory");
    }
    List<X509Certificate> candidates = new ArrayList<>(directory.certificates(headers.receiver()));
    if (headers.receiver().system().isPresent()) {
      candidates.addAll(directory.certificates(headers.receiver().department()));
    }
    Instant now = clock.instant();
    CertificateRejectedException last = null;
    for (X509Certificate c : candidates) {
      try {
        checkReceiverCertificate(headers, c, now);
        return seal(headers, payload, c);
      } catch (CertificateRejectedException e) {
        last = e;
      }
    }
    throw new CertificateRejectedException(
        CryptoErrorCode.RECEIVER_CERTIFICATE_NOT_FOUND,
        "no usable " + suite() + " certificate for " + headers.receiver() + " in the directory",
        last);
  }

  /**
   * Seals a payload to a receiver certificate: sign (as {@link #sign}), then encrypt the compact JWS as a
   * flattened JWE with the routing headers, {@code kid} (the receiver's) and {@code cty: "JOSE"} in its
   * protected header.
   *
   * @param headers the routing headers (issued-at defaults to the clock's now)
   * @param payload the payload bytes
   * @param receiverCertificate the receiver's certificate
   * @return the sealed envelope
   * @throws IllegalArgumentException if the sender is not this codec's party
   * @throws CertificateRejectedException {@code GDX-2206} if the certificate is of another suite or names
   *     another party; {@code GDX-2201..2203} if it is not trusted or not valid now (with a trust store)
   */
  public Envelope seal(
      RoutingHeaders headers, byte[] payload, X509Certificate receiverCertificate) {
    Objects.requireNonNull(payload, "payload == null");
    Objects.requireNonNull(receiverCertificate, "receiverCertificate == null");
    RoutingHeaders h = complete(headers);
    CertInfo receiver = checkReceiverCertificate(h, receiverCertificate, clock.instant());
    String inner = signJws(h, payload, current()).serialize();
    Suite suite = suite();
    Map<String, Object> params = new LinkedHashMap<>();
    Envelope.putRouting(h, params);
    JWEHeader header =
        withEncoding(
            new JWEHeader.Builder(
                    suite == Suite.GM ? GmAlgorithms.SM2 : JWEAlgorithm.ECDH_ES_A256KW,
                    suite == Suite.GM
                        ? GmAlgorithms.SM4_GCM
                        : com.nimbusds.jose.EncryptionMethod.A256GCM)
                .contentType("JOSE")
                .keyID(receiver.keyId)
                .customParams(params)
                .build());
    JWEObject jwe = new JWEObject(header, new Payload(inner.getBytes(StandardCharsets.US_ASCII)));
    try {
      jwe.encrypt(encrypter(receiver));
    } catch (JOSEException e) {
      throw new IllegalStateException("encryption failed", e);
    }
    JWEHeader sent = jwe.getHeader();
    String[] parts = {
      sent.toBase64URL().toString(),
      jwe.getEncryptedKey().toString(),
      jwe.getIV().toString(),
      jwe.getCipherText().toString(),
      jwe.getAuthTag().toString()
    };
    LOG.debug("sealed message {} for {}", h.messageId(), h.receiver());
    return Envelope.produced(Envelope.Kind.SEALED, suite, h, receiver.keyId, parts, sent);
  }

  private RoutingHeaders complete(RoutingHeaders headers) {
    Objects.requireNonNull(headers, "headers == null");
    if (!covers(ring.partyId(), headers.sender())) {
      throw new IllegalArgumentException(
          "sender " + headers.sender() + " is not this codec's party " + ring.partyId());
    }
    if (headers.issuedAtIfSet().isPresent()) {
      return headers;
    }
    return headers.toBuilder().issuedAt(clock.instant()).build();
  }

  private JWSObject signJws(RoutingHeaders h, byte[] payload, KeyOps key) {
    Map<String, Object> params = new LinkedHashMap<>();
    Envelope.putRouting(h, params);
    JWSHeader header =
        withEncoding(
            new JWSHeader.Builder(suite() == Suite.GM ? GmAlgorithms.SM2_SM3 : JWSAlgorithm.ES256)
                .keyID(key.credentials().keyId())
                .x509CertChain(key.x5c())
                .customParams(params)
                .build());
    JWSObject jws =
        new JWSObject(
            header,
            new Payload(
                new Base64URL(
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload))));
    try {
      jws.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
    return jws;
  }

  /**
   * The header with its base64url encoding fixed once: Nimbus re-serializes a built header every time it is
   * asked for its encoding (for the signing input or AAD, and again for the serialization).
   */
  private static JWSHeader withEncoding(JWSHeader h) {
    return new JWSHeader.Builder(h).parsedBase64URL(encode(h)).build();
  }

  private static JWEHeader withEncoding(JWEHeader h) {
    return new JWEHeader.Builder(h).parsedBase64URL(encode(h)).build();
  }

  /** What {@code Header.toBase64URL()} computes, with the JDK's faster base64 encoder. */
  private static Base64URL encode(com.nimbusds.jose.Header h) {
    return new Base64URL(
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(h.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private CertInfo checkReceiverCertificate(RoutingHeaders h, X509Certificate c, Instant now) {
    CertInfo info = receiverCache.get(c);
    if (info == null) {
      info = new CertInfo(List.of(c));
      if (receiverCache.size() >= KEY_CACHE_SIZE) {
        receiverCache.clear();
      }
      receiverCache.put(c, info);
    }
    if (info.suite != suite()) {
      throw new CertificateRejectedException(
          CryptoErrorCode.RECEIVER_CERTIFICATE_UNSUITABLE,
          "receiver certificate is not a " + suite() + " certificate");
    }
    if (!Certificates.allowsEncryption(c)) {
      throw new CertificateRejectedException(
          CryptoErrorCode.RECEIVER_CERTIFICATE_UNSUITABLE,
          "receiver certificate does not allow encryption (a signing certificate)");
    }
    PartyId named = info.party;
    if (named == null || !covers(named, h.receiver())) {
      throw new CertificateRejectedException(
          CryptoErrorCode.RECEIVER_CERTIFICATE_UNSUITABLE,
          "receiver certificate names " + named + ", not " + h.receiver());
    }
    if (trustStore != null) {
      requireTrust().validate(List.of(c), now);
    } else if (now.isAfter(c.getNotAfter().toInstant())) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_EXPIRED, "receiver certificate expired");
    } else if (now.isBefore(c.getNotBefore().toInstant())) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_NOT_YET_VALID, "receiver certificate not yet valid");
    }
    return info;
  }

  private static JWEEncrypter encrypter(CertInfo receiver) throws JOSEException {
    Object key = receiver.engineKey();
    if (key instanceof ECPublicKeyParameters) {
      return new GmJweEncrypter((ECPublicKeyParameters) key);
    }
    return Es256.encrypter((ECPublicKey) key);
  }

  /** The parsed signer chain of an {@code x5c}; cached (bounded) by its text. */
  private CertInfo signerInfo(List<Base64> x5c) {
    StringBuilder key = new StringBuilder();
    for (Base64 b : x5c) {
      key.append(b).append(',');
    }
    String k = key.toString();
    CertInfo info = signerCache.get(k);
    if (info == null) {
      info = parseChain(x5c);
      if (signerCache.size() >= KEY_CACHE_SIZE) {
        signerCache.clear();
      }
      signerCache.put(k, info);
    }
    return info;
  }

  private static CertInfo parseChain(List<Base64> x5c) {
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (Base64 b : x5c) {
        chain.add(Certificates.parse(b.decode()));
      }
      return new CertInfo(chain);
    } catch (RuntimeException e) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_INVALID, "x5c holds a malformed certificate", e);
    }
  }

  // ------------------------------------------------------------------------------------------
  // receiving

  /**
   * Opens a sealed envelope: every check of DESIGN §4 (see the class documentation), then returns the
   * authenticated headers and payload.
   *
   * @param envelopeJson the envelope bytes as received
   * @return the opened message
   * @throws EnvelopeException (a subtype with its code) if any check fails
   * @throws IllegalStateException if the codec has no trust store
   */
  public OpenedMessage open(byte[] envelopeJson) {
    TrustStore trust = requireTrust();
    Envelope outer = Envelope.parse(envelopeJson, limits);
    if (outer.kind() != Envelope.Kind.SEALED) {
      throw new MalformedEnvelopeException(
          CryptoErrorCode.WRONG_ENVELOPE_KIND,
          "open needs a sealed envelope; use verify for a signed one");
    }
    checkSuite(outer.suite());
    if (outer.suite() != suite()) {
      throw new AlgorithmNotAllowedException(
          CryptoErrorCode.SUITE_NOT_ACCEPTED,
          "no " + outer.suite() + " decryption key in this codec");
    }
    RoutingHeaders h = outer.headers();
    checkReceiver(h);
    PartyCredentials recipient =
        ring.byDecryptionKeyId(outer.keyId())
            .orElseThrow(
                () ->
                    new WrongReceiverException(
                        CryptoErrorCode.WRONG_RECIPIENT_KEY,
                        "envelope is encrypted to key "
                            + outer.keyId()
                            + ", which is not among this codec's keys "
                            + ring));
    // the replay claim runs on the store while the cryptography runs here (ReplayCache, "Early
    // claims")
    ReplayCache.Claim claim = startClaim(h);
    boolean accepted = false;
    try {
      OpenedMessage opened = openDecrypting(outer, h, recipient, trust, claim);
      accepted = true;
      return opened;
    } finally {
      if (!accepted && claim != null) {
        claim.release();
      }
    }
  }

  private OpenedMessage openDecrypting(
      Envelope outer,
      RoutingHeaders h,
      PartyCredentials recipient,
      TrustStore trust,
      ReplayCache.@Nullable Claim claim) {
    JWEDecrypter decrypter = ops(recipient).decrypter();
    byte[] plaintext;
    try {
      // the header was parsed (and its encoding kept) by Envelope.parse: decrypt with it directly
      // rather than
      // through a JWEObject, which would parse it again. AAD = ASCII(protected), RFC 7516 section
      // 5.1 step 14
      // (there is never an "aad" member: Envelope.parse refuses it).
      plaintext =
          decrypter.decrypt(
              (JWEHeader) outer.header(),
              new Base64URL(outer.part(1)),
              new Base64URL(outer.part(2)),
              new Base64URL(outer.part(3)),
              new Base64URL(outer.part(4)),
              outer.part(0).getBytes(StandardCharsets.US_ASCII));
    } catch (JOSEException | RuntimeException e) {
      throw new DecryptionFailedException(
          CryptoErrorCode.DECRYPTION_FAILED, "envelope could not be decrypted");
    }
    int firstDot = -1;
    int lastDot = -1;
    int dots = 0;
    for (int i = 0; i < plaintext.length; i++) {
      if (plaintext[i] == '.') {
        dots++;
        lastDot = i;
        if (firstDot < 0) {
          firstDot = i;
        }
      }
    }
    if (dots != 2) {
      throw new MalformedEnvelopeException(
          CryptoErrorCode.ENVELOPE_MALFORMED, "plaintext is not a compact JWS");
    }
    // ISO-8859-1 maps every byte to one char: a non-ASCII byte stays non-base64url and is refused
    // below
    String[] innerParts = {
      new String(plaintext, 0, firstDot, StandardCharsets.ISO_8859_1),
      new String(plaintext, firstDot + 1, lastDot - firstDot - 1, StandardCharsets.ISO_8859_1),
      new String(
          plaintext, lastDot + 1, plaintext.length - lastDot - 1, StandardCharsets.ISO_8859_1)
    };
    Envelope inner = Envelope.fromParts(Envelope.Kind.SIGNED, innerParts, new byte[0], limits);
    if (inner.suite() != outer.suite()) {
      throw new AlgorithmNotAllowedException(
          CryptoErrorCode.ALGORITHM_NOT_ALLOWED,
          "inner JWS alg is not the " + outer.suite() + " suite's");
    }
    if (!inner.headers().equals(h)) {
      throw new SenderMismatchException(
          CryptoErrorCode.ROUTING_HEADER_MISMATCH,
          "routing headers of the signature and the encryption differ");
    }
    X509Certificate signerCert =
        checkSignature(
            inner,
            java.util.Arrays.copyOf(plaintext, lastDot),
            trust,
            clock.instant(),
            limits,
            this);
    checkFreshness(h, claim);
    LOG.debug("opened message {} from {}", h.messageId(), h.sender());
    return new OpenedMessage(h, payloadOf(inner), signerCert, outer);
  }

  /**
   * Verifies a signed envelope: algorithm allow-list, {@code x5c} chain against the trust store, signature,
   * signer is the claimed sender, receiver is me, issued-at inside the skew window, no replay.
   *
   * @param envelopeJson the envelope bytes as received
   * @return the verified message
   * @throws EnvelopeException (a subtype with its code) if any check fails
   * @throws IllegalStateException if the codec has no trust store
   */
  public OpenedMessage verify(byte[] envelopeJson) {
    TrustStore trust = requireTrust();
    Envelope env = Envelope.parse(envelopeJson, limits);
    if (env.kind() != Envelope.Kind.SIGNED) {
      throw new MalformedEnvelopeException(
          CryptoErrorCode.WRONG_ENVELOPE_KIND,
          "verify needs a signed envelope; use open for a sealed one");
    }
    checkSuite(env.suite());
    ReplayCache.Claim claim = startClaim(env.headers());
    boolean accepted = false;
    try {
      X509Certificate signerCert = checkSignature(env, trust);
      checkReceiver(env.headers());
      checkFreshness(env.headers(), claim);
      accepted = true;
      LOG.debug("verified message {} from {}", env.headers().messageId(), env.headers().sender());
      return new OpenedMessage(env.headers(), payloadOf(env), signerCert, env);
    } finally {
      if (!accepted && claim != null) {
        claim.release();
      }
    }
  }

  /**
   * Checks the signature of a signed envelope for anyone holding only a trust store (a security reviewer,
   * the {@code govdx verify} command): algorithm allow-list, {@code x5c} chain at {@code at}, signature and
   * signer-is-sender. Receiver, freshness and replay are not checked.
   *
   * @param envelope a signed envelope
   * @param trustStore the trust anchors
   * @param at the instant at which the chain must be valid
   * @return the signer's certificate
   * @throws EnvelopeException (a subtype with its code) if a check fails, {@code GDX-2008} for a sealed
   *     envelope
   */
  public static X509Certificate verifySignature(
      Envelope envelope, TrustStore trustStore, Instant at) {
    Objects.requireNonNull(envelope, "envelope == null");
    Objects.requireNonNull(trustStore, "trustStore == null");
    Objects.requireNonNull(at, "at == null");
    if (envelope.kind() != Envelope.Kind.SIGNED) {
      throw new MalformedEnvelopeException(
          CryptoErrorCode.WRONG_ENVELOPE_KIND,
          "only a signed envelope can be verified without the receiver's key");
    }
    return checkSignature(envelope, null, trustStore, at, EnvelopeLimits.defaults(), null);
  }

  private TrustStore requireTrust() {
    if (trustStore == null) {
      throw new IllegalStateException("open and verify need a trust store");
    }
    return Objects.requireNonNull(trustStore.get(), "the trust store source gave null");
  }

  private void checkSuite(Suite s) {
    if (!acceptedSuites.contains(s)) {
      throw new AlgorithmNotAllowedException(
          CryptoErrorCode.SUITE_NOT_ACCEPTED,
          "suite " + s + " is not accepted here (accepted: " + acceptedSuites + ")");
    }
  }

  private void checkReceiver(RoutingHeaders h) {
    if (!covers(ring.partyId(), h.receiver())) {
      throw new WrongReceiverException(
          CryptoErrorCode.WRONG_RECEIVER,
          "envelope is addressed to " + h.receiver() + ", not " + ring.partyId());
    }
  }

  private X509Certificate checkSignature(Envelope signed, TrustStore trust) {
    return checkSignature(signed, null, trust, clock.instant(), limits, this);
  }

  /**
   * @param signingInput the JWS signing input ({@code protected.payload}) when the caller has its bytes already
   *     (the inner JWS of a sealed envelope); {@code null} to build it from the parts
   */
  private static X509Certificate checkSignature(
      Envelope signed,
      byte @Nullable [] signingInput,
      TrustStore trust,
      Instant at,
      EnvelopeLimits limits,
      @Nullable EnvelopeCodec codec) {
    JWSHeader header = (JWSHeader) signed.header();
    List<Base64> chainB64 = header.getX509CertChain();
    if (chainB64 == null || chainB64.isEmpty()) {
      throw new CertificateRejectedException(CryptoErrorCode.CERTIFICATE_INVALID, "x5c missing");
    }
    if (chainB64.size() > limits.maxChainLength()) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_INVALID, "x5c longer than " + limits.maxChainLength());
    }
    CertInfo info = codec != null ? codec.signerInfo(chainB64) : parseChain(chainB64);
    X509Certificate leaf = info.leaf;
    if (!info.keyId.equals(signed.keyId())) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_INVALID, "kid is not the x5c leaf's");
    }
    if (info.suite != signed.suite()) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_INVALID, "signer key is not a " + signed.suite() + " key");
    }
    trust.validate(info.chain, at);
    if (!Certificates.allowsSigning(leaf)) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_USAGE_NOT_ALLOWED,
          "the signer certificate does not allow signing (keyUsage without digitalSignature)");
    }
    boolean ok;
    try {
      JWSVerifier verifier =
          signed.suite() == Suite.GM
              ? new GmJwsVerifier((ECPublicKeyParameters) info.engineKey())
              : Es256.verifier((ECPublicKey) info.engineKey());
      byte[] input =
          signingInput != null
              ? signingInput
              : (signed.part(0) + "." + signed.part(1)).getBytes(StandardCharsets.US_ASCII);
      ok = verifier.verify(header, input, new Base64URL(signed.part(2)));
    } catch (JOSEException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw new SignatureInvalidException(
          CryptoErrorCode.SIGNATURE_INVALID, "signature does not verify");
    }
    PartyId named = info.party;
    if (named == null || !covers(named, signed.headers().sender())) {
      throw new SenderMismatchException(
          CryptoErrorCode.SIGNER_NOT_SENDER,
          "signer certificate names " + named + ", but the sender is " + signed.headers().sender());
    }
    return leaf;
  }

  /**
   * Starts the replay claim of a message addressed to this codec and fresh now, before its cryptography is
   * checked ({@link ReplayCache}, "Early claims"); {@code null} otherwise, so that nothing is written for it and
   * its checks fail after the cryptography with the same codes as before. A claim that cannot even be started
   * reports its failure where the replay check always did, after the cryptography.
   */
  private ReplayCache.@Nullable Claim startClaim(RoutingHeaders h) {
    Instant now = clock.instant();
    Instant iat = h.issuedAt();
    if (!covers(ring.partyId(), h.receiver())
        || iat.isBefore(now.minus(clockSkew))
        || iat.isAfter(now.plus(clockSkew))) {
      return null;
    }
    try {
      return replayCache.claim(replayKey(h), iat.plus(clockSkew));
    } catch (RuntimeException e) {
      return new ReplayCache.Claim() {
        @Override
        public boolean firstSeen() {
          throw e;
        }

        @Override
        public void release() {
          // nothing was recorded
        }
      };
    }
  }

  private static String replayKey(RoutingHeaders h) {
    return h.sender() + " " + h.messageId();
  }

  private void checkFreshness(RoutingHeaders h, ReplayCache.@Nullable Claim claim) {
    Instant now = clock.instant();
    Instant iat = h.issuedAt();
    if (iat.isBefore(now.minus(clockSkew))) {
      throw new StaleMessageException(
          CryptoErrorCode.ISSUED_AT_TOO_OLD,
          "issued at " + iat + ", older than the skew window of " + clockSkew);
    }
    if (iat.isAfter(now.plus(clockSkew))) {
      throw new StaleMessageException(
          CryptoErrorCode.ISSUED_AT_IN_FUTURE,
          "issued at " + iat + ", beyond the skew window of " + clockSkew);
    }
    boolean first =
        claim != null
            ? claim.firstSeen()
            : replayCache.firstSeen(replayKey(h), iat.plus(clockSkew));
    if (!first) {
      throw new ReplayDetectedException(
          CryptoErrorCode.REPLAY_DETECTED,
          "message id " + h.messageId() + " from " + h.sender() + " was seen before");
    }
  }

  private static byte[] payloadOf(Envelope signed) {
    // canonical base64url was checked when the envelope was parsed
    return java.util.Base64.getUrlDecoder().decode(signed.part(1));
  }

  /** Whether a certificate naming {@code holder} may act for {@code party}. */
  static boolean covers(PartyId holder, PartyId party) {
    return holder.equals(party) || (holder.system().isEmpty() && holder.equals(party.department()));
  }

  @Override
  public String toString() {
    return "EnvelopeCodec{" + ring + ", accepted=" + acceptedSuites + ", skew=" + clockSkew + "}";
  }

  /** Builder of {@link EnvelopeCodec}. Not thread-safe. */
  public static final class Builder {

    private @Nullable PartyKeyRing ring;
    private @Nullable Supplier<TrustStore> trustStore;
    private Duration expiryWarning = Duration.ofDays(30);
    private @Nullable PartyDirectory directory;
    private @Nullable Set<Suite> acceptedSuites;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofMinutes(5);
    private @Nullable ReplayCache replayCache;
    private EnvelopeLimits limits = EnvelopeLimits.defaults();

    private Builder() {}

    /**
     * Sets this party's credentials (required).
     *
     * @param credentials party, private key and certificate chain
     * @return this builder
     */
    public Builder credentials(PartyCredentials credentials) {
      this.ring = PartyKeyRing.of(Objects.requireNonNull(credentials, "credentials == null"));
      return this;
    }

    /**
     * Sets the trust anchors for signers' chains (required for open and verify).
     *
     * @param trustStore the trust store
     * @return this builder
     */
    public Builder trustStore(TrustStore trustStore) {
      Objects.requireNonNull(trustStore, "trustStore == null");
      this.trustStore = () -> trustStore;
      return this;
    }

    /**
     * Sets the directory of receivers' certificates for {@link EnvelopeCodec#seal(RoutingHeaders, byte[])}.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(PartyDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Sets the suites accepted on open and verify (default: the suite of the credentials only). Opening a
     * sealed envelope also needs a key of its suite, so other suites help only {@code verify}.
     *
     * @param suites a non-empty set
     * @return this builder
     * @throws IllegalArgumentException if empty
     */
    public Builder acceptedSuites(Set<Suite> suites) {
      Objects.requireNonNull(suites, "suites == null");
      if (suites.isEmpty()) {
        throw new IllegalArgumentException("acceptedSuites is empty");
      }
      this.acceptedSuites = EnumSet.copyOf(suites);
      return this;
    }

    /**
     * Sets the clock (default: system UTC) for issued-at, freshness and certificate validity.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the clock-skew window (default 5 minutes): issued-at must be within now ± skew.
     *
     * @param skew a non-negative duration of at most one day
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than a day
     */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew == null");
      if (skew.isNegative() || skew.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("clockSkew must be 0 to 1 day");
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Sets the replay cache (default: a new {@link InMemoryReplayCache} per codec).
     *
     * @param replayCache the cache
     * @return this builder
     */
    public Builder replayCache(ReplayCache replayCache) {
      this.replayCache = Objects.requireNonNull(replayCache, "replayCache == null");
      return this;
    }

    /**
     * Sets the input limits (default {@link EnvelopeLimits#defaults()}).
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(EnvelopeLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits == null");
      return this;
    }

    /**
     * Sets this party's key pairs during a rollover (instead of {@link #credentials}): the codec opens mail
     * sealed to any of them and signs with the current one; changes to the ring take effect on the next
     * message.
     *
     * @param ring the key ring
     * @return this builder
     */
    public Builder keyRing(PartyKeyRing ring) {
      this.ring = Objects.requireNonNull(ring, "ring == null");
      return this;
    }

    /**
     * Sets where the trust store comes from, asked on every open and verify (instead of a fixed
     * {@link #trustStore(TrustStore)}): a source that reloads the anchors lets a renewed or added CA take effect
     * without a restart.
     *
     * @param source gives the current trust store; must be thread-safe and fast (cache inside it)
     * @return this builder
     */
    public Builder trustStoreSource(Supplier<TrustStore> source) {
      this.trustStore = Objects.requireNonNull(source, "source == null");
      return this;
    }

    /**
     * How long before the current certificate's {@code notAfter} the codec starts warning in the log, once a day
     * (default 30 days).
     *
     * @param before the warning period
     * @return this builder
     */
    public Builder expiryWarning(Duration before) {
      this.expiryWarning = Objects.requireNonNull(before, "before == null");
      return this;
    }

    /**
     * Builds the codec.
     *
     * @return the codec
     * @throws IllegalStateException if the credentials are missing
     */
    public EnvelopeCodec build() {
      if (ring == null) {
        throw new IllegalStateException("credentials are required");
      }
      return new EnvelopeCodec(this, ring);
    }
  }
}
