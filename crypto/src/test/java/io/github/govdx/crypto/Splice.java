package io.github.govdx.crypto;

import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;
import io.github.govdx.crypto.internal.GmAlgorithms;
import io.github.govdx.crypto.internal.GmJweEncrypter;
import io.github.govdx.crypto.internal.GmJwsSigner;
import io.github.govdx.crypto.internal.KeyConversions;
import io.github.govdx.crypto.internal.Sm2;
import io.github.govdx.crypto.internal.SoftwareKeyHolder;
import io.github.govdx.crypto.key.PartyCredentials;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Attack helpers: build envelopes the codec itself refuses to produce. */
final class Splice {

  private Splice() {}

  /** Encrypts {@code innerCompact} under {@code template}'s outer header to {@code receiver}. */
  static byte[] reencrypt(Envelope template, String innerCompact, X509Certificate receiver)
      throws Exception {
    JWEHeader h = (JWEHeader) template.header();
    JWEHeader clean = new JWEHeader.Builder(h).ephemeralPublicKey(null).build();
    JWEObject jwe =
        new JWEObject(clean, new Payload(innerCompact.getBytes(StandardCharsets.US_ASCII)));
    if (template.suite() == Suite.GM) {
      jwe.encrypt(new GmJweEncrypter(Sm2.publicParameters(receiver.getPublicKey())));
    } else {
      jwe.encrypt(new ECDHEncrypter(KeyConversions.jdkPublic(receiver.getPublicKey())));
    }
    return Envelope.json(Envelope.Kind.SEALED, jwe.serialize().split("\\.", -1));
  }

  /** Signs with {@code signer}'s key and chain under arbitrary routing headers. */
  static byte[] signAs(PartyCredentials signer, RoutingHeaders headers, byte[] payload)
      throws Exception {
    RoutingHeaders h =
        headers.issuedAtIfSet().isPresent()
            ? headers
            : headers.toBuilder().issuedAt(TestPki.NOW).build();
    Map<String, Object> params = new LinkedHashMap<>();
    Envelope.putRouting(h, params);
    JWSHeader header =
        new JWSHeader.Builder(
                signer.suite() == Suite.GM ? GmAlgorithms.SM2_SM3 : JWSAlgorithm.ES256)
            .keyID(signer.keyId())
            .x509CertChain(List.of(Base64.encode(signer.certificate().getEncoded())))
            .customParams(params)
            .build();
    JWSObject jws = new JWSObject(header, new Payload(payload));
    jws.sign(
        signer.suite() == Suite.GM
            ? new GmJwsSigner(SoftwareKeyHolder.privateParameters(signer.privateKey()))
            : new ECDSASigner(KeyConversions.jdkPrivate(signer.privateKey())));
    return Envelope.json(Envelope.Kind.SIGNED, jws.serialize().split("\\.", -1));
  }
}
