package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One test per check of DESIGN §4: each failure is a typed exception with its own code. */
class EnvelopeCodecRejectionTest {

  private static final PartyId C = PartyId.parse("11110000000000019K");

  private static void assertCode(
      ThrowingCallable call, Class<? extends EnvelopeException> type, CryptoErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(type)
        .satisfies(e -> assertThat(((EnvelopeException) e).errorCode()).isEqualTo(code))
        .hasMessageStartingWith(code.code() + ": ");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_addressedToAnotherParty_wrongReceiver(Suite suite) {
    TestPki pki = TestPki.of(suite);
    PartyCredentials c = pki.party(C, TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(3600));
    byte[] env = pki.sender().seal(TestPki.headers().build(), new byte[] {1}).toBytes();
    assertCode(
        () -> pki.codec(c).build().open(env),
        WrongReceiverException.class,
        CryptoErrorCode.WRONG_RECEIVER);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_encryptedToAnotherKeyOfMe_wrongRecipientKey(Suite suite) {
    TestPki pki = TestPki.of(suite);
    PartyCredentials b2 =
        pki.party(TestPki.B, TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(3600));
    byte[] env = pki.sender().seal(TestPki.headers().build(), new byte[] {1}).toBytes();
    assertCode(
        () -> pki.codec(b2).build().open(env),
        WrongReceiverException.class,
        CryptoErrorCode.WRONG_RECIPIENT_KEY);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_staleOrFutureIssuedAt_rejected(Suite suite) {
    TestPki pki = TestPki.of(suite);
    byte[] old =
        pki.sender()
            .seal(TestPki.headers().issuedAt(TestPki.NOW.minusSeconds(301)).build(), new byte[0])
            .toBytes();
    byte[] future =
        pki.sender()
            .seal(TestPki.headers().issuedAt(TestPki.NOW.plusSeconds(301)).build(), new byte[0])
            .toBytes();
    byte[] edge =
        pki.sender()
            .seal(TestPki.headers().issuedAt(TestPki.NOW.minusSeconds(300)).build(), new byte[0])
            .toBytes();
    EnvelopeCodec r = pki.receiver();
    assertCode(() -> r.open(old), StaleMessageException.class, CryptoErrorCode.ISSUED_AT_TOO_OLD);
    assertCode(
        () -> r.open(future), StaleMessageException.class, CryptoErrorCode.ISSUED_AT_IN_FUTURE);
    assertThat(r.open(edge).payload()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_sameEnvelopeTwice_replayDetected(Suite suite) {
    TestPki pki = TestPki.of(suite);
    byte[] env = pki.sender().seal(TestPki.headers().build(), new byte[] {1}).toBytes();
    EnvelopeCodec r = pki.receiver();
    r.open(env);
    assertCode(() -> r.open(env), ReplayDetectedException.class, CryptoErrorCode.REPLAY_DETECTED);
  }

  @Test
  void open_replayCacheFull_failsClosedRetryable() {
    TestPki pki = TestPki.of(Suite.GM);
    EnvelopeCodec r =
        pki.codec(pki.b).replayCache(new InMemoryReplayCache(TestPki.CLOCK, 1)).build();
    r.open(pki.sender().seal(TestPki.headers().build(), new byte[0]).toBytes());
    byte[] second = pki.sender().seal(TestPki.headers().build(), new byte[0]).toBytes();
    assertCode(
        () -> r.open(second), ReplayDetectedException.class, CryptoErrorCode.REPLAY_CACHE_FULL);
    assertThatThrownBy(() -> r.open(second))
        .satisfies(e -> assertThat(((EnvelopeException) e).retryable()).isTrue());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void verify_algNone_algorithmNotAllowed(Suite suite) {
    TestPki pki = TestPki.of(suite);
    Envelope signed = pki.sender().sign(TestPki.headers().build(), new byte[] {1});
    String header =
        new String(Base64.getUrlDecoder().decode(signed.part(0)), StandardCharsets.UTF_8)
            .replace("\"" + suite.jwsAlgorithm() + "\"", "\"none\"");
    String forged =
        "{\"protected\":\""
            + b64(header)
            + "\",\"payload\":\""
            + signed.part(1)
            + "\",\"signature\":\"\"}";
    assertCode(
        () -> pki.receiver().verify(forged.getBytes(StandardCharsets.US_ASCII)),
        AlgorithmNotAllowedException.class,
        CryptoErrorCode.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_outerAlgNoneOrMixedSuite_algorithmNotAllowedBeforeDecryption(Suite suite) {
    TestPki pki = TestPki.of(suite);
    Envelope sealed = pki.sender().seal(TestPki.headers().build(), new byte[] {1});
    String header =
        new String(Base64.getUrlDecoder().decode(sealed.part(0)), StandardCharsets.UTF_8);
    for (String forgedHeader :
        new String[] {
          header.replace("\"alg\":\"" + suite.jweAlgorithm() + "\"", "\"alg\":\"none\""),
          header.replace(
              "\"enc\":\"" + suite.encryptionMethod() + "\"",
              "\"enc\":\"" + (suite == Suite.GM ? "A256GCM" : "SM4-GCM") + "\"")
        }) {
      String forged = sealed.toJson().replace(sealed.part(0), b64(forgedHeader));
      assertCode(
          () -> pki.receiver().open(forged.getBytes(StandardCharsets.US_ASCII)),
          AlgorithmNotAllowedException.class,
          CryptoErrorCode.ALGORITHM_NOT_ALLOWED);
    }
  }

  @Test
  void open_intlEnvelopeAtGmOnlyReceiver_suiteNotAccepted() {
    byte[] intl =
        TestPki.of(Suite.INTL).sender().seal(TestPki.headers().build(), new byte[] {1}).toBytes();
    assertCode(
        () -> TestPki.of(Suite.GM).receiver().open(intl),
        AlgorithmNotAllowedException.class,
        CryptoErrorCode.SUITE_NOT_ACCEPTED);
    byte[] signed =
        TestPki.of(Suite.INTL).sender().sign(TestPki.headers().build(), new byte[] {1}).toBytes();
    assertCode(
        () -> TestPki.of(Suite.GM).receiver().verify(signed),
        AlgorithmNotAllowedException.class,
        CryptoErrorCode.SUITE_NOT_ACCEPTED);
  }

  @Test
  void verify_intlAccepted_butCertificateFromGmTrustStore_untrusted() {
    byte[] signed =
        TestPki.of(Suite.INTL).sender().sign(TestPki.headers().build(), new byte[] {1}).toBytes();
    EnvelopeCodec gm =
        TestPki.of(Suite.GM)
            .codec(TestPki.of(Suite.GM).b)
            .acceptedSuites(Set.of(Suite.GM, Suite.INTL))
            .build();
    assertCode(
        () -> gm.verify(signed),
        CertificateRejectedException.class,
        CryptoErrorCode.CERTIFICATE_UNTRUSTED);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_innerSignedByOtherPartyForwarded_headerMismatch(Suite suite) throws Exception {
    // C receives a sealed message from A, re-encrypts A's signed inner JWS to B under C-as-sender
    // headers
    TestPki pki = TestPki.of(suite);
    PartyCredentials c = pki.party(C, TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(3600));
    Envelope fromA = pki.sender().sign(TestPki.headers().build(), new byte[] {9});
    EnvelopeCodec cCodec = pki.codec(c).build();
    Envelope fromC =
        cCodec.seal(
            RoutingHeaders.builder()
                .sender(C)
                .receiver(TestPki.B)
                .resourceCode("R-0001")
                .action("query")
                .build(),
            new byte[] {9},
            pki.b.certificate());
    // splice: C's outer JWE cannot carry A's JWS without re-encryption, so build one with the
    // GM/INTL engine
    byte[] spliced = Splice.reencrypt(fromC, fromA.compact(), pki.b.certificate());
    assertCode(
        () -> pki.receiver().open(spliced),
        SenderMismatchException.class,
        CryptoErrorCode.ROUTING_HEADER_MISMATCH);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void verify_signerCertificateOfAnotherParty_signerNotSender(Suite suite) throws Exception {
    TestPki pki = TestPki.of(suite);
    PartyCredentials c = pki.party(C, TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(3600));
    // C's credentials claiming the sender A: the codec refuses to sign, so forge with C's key for
    // header A
    PartyCredentials cAsDept =
        PartyCredentials.builder()
            .partyId(C)
            .privateKey(c.privateKey())
            .certificateChain(c.certificateChain())
            .build();
    byte[] forged = Splice.signAs(cAsDept, TestPki.headers().build(), new byte[] {1});
    assertCode(
        () -> pki.receiver().verify(forged),
        SenderMismatchException.class,
        CryptoErrorCode.SIGNER_NOT_SENDER);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_untrustedExpiredNotYetValidSigner_rejected(Suite suite) {
    TestPki pki = TestPki.of(suite);
    KeyPair rogueCa = KeyPairs.generate(suite);
    var rogueCaCert =
        Certificates.selfSignedCa(
            "rogue", rogueCa, TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(3600));
    KeyPair kp = KeyPairs.generate(suite);
    PartyCredentials rogue =
        PartyCredentials.builder()
            .partyId(TestPki.A)
            .privateKey(kp.getPrivate())
            .certificateChain(
                List.of(
                    Certificates.issue(
                        TestPki.A,
                        kp.getPublic(),
                        rogueCaCert,
                        rogueCa.getPrivate(),
                        TestPki.NOW.minusSeconds(60),
                        TestPki.NOW.plusSeconds(3600))))
            .build();
    PartyCredentials expired =
        pki.party(
            TestPki.A,
            TestPki.NOW.minus(Duration.ofDays(10)),
            TestPki.NOW.minus(Duration.ofDays(1)));
    PartyCredentials early =
        pki.party(
            TestPki.A, TestPki.NOW.plus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(10)));
    EnvelopeCodec r = pki.receiver();
    assertCode(
        () ->
            r.open(
                pki.codec(rogue)
                    .build()
                    .seal(TestPki.headers().build(), new byte[0], pki.b.certificate())
                    .toBytes()),
        CertificateRejectedException.class,
        CryptoErrorCode.CERTIFICATE_UNTRUSTED);
    assertCode(
        () ->
            r.open(
                pki.codec(expired)
                    .build()
                    .seal(TestPki.headers().build(), new byte[0], pki.b.certificate())
                    .toBytes()),
        CertificateRejectedException.class,
        CryptoErrorCode.CERTIFICATE_EXPIRED);
    assertCode(
        () ->
            r.open(
                pki.codec(early)
                    .build()
                    .seal(TestPki.headers().build(), new byte[0], pki.b.certificate())
                    .toBytes()),
        CertificateRejectedException.class,
        CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_truncated_malformed(Suite suite) {
    TestPki pki = TestPki.of(suite);
    byte[] env = pki.sender().seal(TestPki.headers().build(), new byte[100]).toBytes();
    EnvelopeCodec r = pki.receiver();
    for (int len = 0; len < env.length; len += 7) {
      byte[] cut = java.util.Arrays.copyOf(env, len);
      assertThatThrownBy(() -> r.open(cut)).isInstanceOf(MalformedEnvelopeException.class);
    }
  }

  @Test
  void open_oversized_tooLargeBeforeParsing() {
    TestPki pki = TestPki.of(Suite.GM);
    EnvelopeCodec r =
        pki.codec(pki.b).limits(EnvelopeLimits.builder().maxEnvelopeBytes(4096).build()).build();
    byte[] big = pki.sender().seal(TestPki.headers().build(), new byte[8192]).toBytes();
    assertCode(
        () -> r.open(big), MalformedEnvelopeException.class, CryptoErrorCode.ENVELOPE_TOO_LARGE);
    byte[] notJsonButHuge = new byte[EnvelopeLimits.DEFAULT_MAX_ENVELOPE_BYTES + 1];
    assertCode(
        () -> pki.receiver().open(notJsonButHuge),
        MalformedEnvelopeException.class,
        CryptoErrorCode.ENVELOPE_TOO_LARGE);
  }

  @Test
  void open_tenThousandDeepJson_tooDeep() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String deepInMember = "{\"protected\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001);
    EnvelopeCodec r = TestPki.of(Suite.GM).receiver();
    assertCode(
        () -> r.open(deep.getBytes(StandardCharsets.US_ASCII)),
        MalformedEnvelopeException.class,
        CryptoErrorCode.ENVELOPE_TOO_DEEP);
    assertCode(
        () -> r.open(deepInMember.getBytes(StandardCharsets.US_ASCII)),
        MalformedEnvelopeException.class,
        CryptoErrorCode.ENVELOPE_TOO_DEEP);
    String deepHeader =
        "{\"protected\":\""
            + b64("{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
            + "\",\"payload\":\"\",\"signature\":\"\"}";
    assertCode(
        () -> r.verify(deepHeader.getBytes(StandardCharsets.US_ASCII)),
        MalformedEnvelopeException.class,
        CryptoErrorCode.ENVELOPE_TOO_DEEP);
  }

  @Test
  void parse_forbiddenMembersAndGeneralSerialization_refused() {
    Envelope signed = TestPki.of(Suite.GM).sender().sign(TestPki.headers().build(), new byte[] {1});
    String base = signed.toJson();
    for (String extra :
        new String[] {"\"unprotected\":{}", "\"header\":{}", "\"aad\":\"AA\"", "\"x\":1"}) {
      String json = base.substring(0, base.length() - 1) + "," + extra + "}";
      assertCode(
          () -> Envelope.parse(json.getBytes(StandardCharsets.US_ASCII)),
          MalformedEnvelopeException.class,
          CryptoErrorCode.ENVELOPE_FORBIDDEN_MEMBER);
    }
    String general =
        "{\"payload\":\""
            + signed.part(1)
            + "\",\"signatures\":[{\"protected\":\""
            + signed.part(0)
            + "\",\"signature\":\""
            + signed.part(2)
            + "\"}]}";
    assertCode(
        () -> Envelope.parse(general.getBytes(StandardCharsets.US_ASCII)),
        MalformedEnvelopeException.class,
        CryptoErrorCode.ENVELOPE_FORBIDDEN_MEMBER);
    String dup =
        "{\"protected\":\""
            + signed.part(0)
            + "\",\"protected\":\""
            + signed.part(0)
            + "\",\"payload\":\""
            + signed.part(1)
            + "\",\"signature\":\""
            + signed.part(2)
            + "\"}";
    assertCode(
        () -> Envelope.parse(dup.getBytes(StandardCharsets.US_ASCII)),
        MalformedEnvelopeException.class,
        CryptoErrorCode.ENVELOPE_MALFORMED);
  }

  @Test
  void open_signedEnvelope_wrongKind_andVerifySealed_wrongKind() {
    TestPki pki = TestPki.of(Suite.GM);
    byte[] signed = pki.sender().sign(TestPki.headers().build(), new byte[] {1}).toBytes();
    byte[] sealed = pki.sender().seal(TestPki.headers().build(), new byte[] {1}).toBytes();
    assertCode(
        () -> pki.receiver().open(signed),
        MalformedEnvelopeException.class,
        CryptoErrorCode.WRONG_ENVELOPE_KIND);
    assertCode(
        () -> pki.receiver().verify(sealed),
        MalformedEnvelopeException.class,
        CryptoErrorCode.WRONG_ENVELOPE_KIND);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void verify_tamperedPayload_signatureInvalid(Suite suite) {
    TestPki pki = TestPki.of(suite);
    Envelope signed =
        pki.sender().sign(TestPki.headers().build(), "abc".getBytes(StandardCharsets.US_ASCII));
    String forged = signed.toJson().replace(signed.part(1), b64("abd"));
    assertCode(
        () -> pki.receiver().verify(forged.getBytes(StandardCharsets.US_ASCII)),
        SignatureInvalidException.class,
        CryptoErrorCode.SIGNATURE_INVALID);
  }

  @Test
  void verify_receiverIsSomeoneElse_wrongReceiver() {
    TestPki pki = TestPki.of(Suite.GM);
    byte[] signed =
        pki.sender().sign(TestPki.headers().receiver(C).build(), new byte[] {1}).toBytes();
    assertCode(
        () -> pki.receiver().verify(signed),
        WrongReceiverException.class,
        CryptoErrorCode.WRONG_RECEIVER);
  }

  @Test
  void seal_noReceiverCertificate_notFound_andWrongSuiteCertificate_unsuitable() {
    TestPki pki = TestPki.of(Suite.GM);
    assertCode(
        () -> pki.sender().seal(TestPki.headers().receiver(C).build(), new byte[0]),
        CertificateRejectedException.class,
        CryptoErrorCode.RECEIVER_CERTIFICATE_NOT_FOUND);
    assertCode(
        () ->
            pki.sender()
                .seal(
                    TestPki.headers().build(), new byte[0], TestPki.of(Suite.INTL).b.certificate()),
        CertificateRejectedException.class,
        CryptoErrorCode.RECEIVER_CERTIFICATE_UNSUITABLE);
  }

  @Test
  void sign_senderNotMe_illegalArgument() {
    TestPki pki = TestPki.of(Suite.GM);
    assertThatThrownBy(() -> pki.sender().sign(TestPki.headers().sender(C).build(), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void open_departmentCertificate_coversItsSystems() {
    TestPki pki = TestPki.of(Suite.GM);
    PartyId bHotline = PartyId.of(TestPki.B.creditCode(), "hotline");
    PartyId aHotline = PartyId.of(TestPki.A.creditCode(), "hotline");
    Envelope env =
        pki.sender()
            .seal(TestPki.headers().sender(aHotline).receiver(bHotline).build(), new byte[] {5});
    assertThat(pki.receiver().open(env.toBytes()).headers().receiver()).isEqualTo(bHotline);
  }

  @Test
  void builder_missingCredentials_illegalState_andOpenWithoutTrust_illegalState() {
    assertThatThrownBy(() -> EnvelopeCodec.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials");
    EnvelopeCodec noTrust = EnvelopeCodec.builder().credentials(TestPki.of(Suite.GM).b).build();
    assertThatThrownBy(() -> noTrust.open(new byte[0])).isInstanceOf(IllegalStateException.class);
    assertThat(noTrust.acceptedSuites()).containsExactly(Suite.GM);
    assertThat(noTrust.toString()).contains("REDACTED");
    Clock c = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    assertThat(TrustStore.of(TestPki.of(Suite.GM).ca).toString()).contains("1 anchors");
    assertThat(c).isNotNull();
  }
}
