package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.crypto.key.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

/**
 * Published JOSE examples run through the Nimbus engines govdx builds on (RFC 7520 has no ES256,
 * ECDH-ES+A256KW/A256GCM examples; its closest, §5.4, uses P-384 and A128, and RFC 7515 A.3 is ES256), and
 * the govdx parser's verdict on them: they are valid JOSE but not govdx envelopes.
 */
class JoseExamplesTest {

  // RFC 7515 Appendix A.3: ES256
  private static final String A3_JWK =
      "{\"kty\":\"EC\",\"crv\":\"P-256\","
          + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";
  private static final String A3_JWS =
      "eyJhbGciOiJFUzI1NiJ9."
          + "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
          + "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

  // RFC 7520 §5.4: ECDH-ES+A128KW with A128GCM, flattened JSON (§5.4.5)
  private static final String S54_KEY =
      "{\"kty\":\"EC\",\"kid\":\"peregrin.took@tuckborough.example\","
          + "\"use\":\"enc\",\"crv\":\"P-384\",\"x\":\"YU4rRUzdmVqmRtWOs2OpDE_T5fsNIodcG8G5FWPrTPMyxpzsSOGaQLpe2FpxBmu2\","
          + "\"y\":\"A8-yxCHxkfBz3hKZfI1jUYMjUhsEveZ9THuwFjH2sCNdtksRJU7D5-SkgaFL1ETP\","
          + "\"d\":\"iTx2pk7wW-GqJkHcEkFQb2EFyYcO7RugmaW3mRrQVAOUiPommT0IdnYK2xDlZh-j\"}";
  private static final String S54_PROTECTED =
      "eyJhbGciOiJFQ0RILUVTK0ExMjhLVyIsImtpZCI6InBlcmVncmluLnRvb2tAdHVja2"
          + "Jvcm91Z2guZXhhbXBsZSIsImVwayI6eyJrdHkiOiJFQyIsImNydiI6IlAtMzg0IiwieCI6InVCbzRrSFB3Nmtiang1bDB4b3dyZF9vWXpC"
          + "bWF6LUdLRlp1NHhBRkZrYllpV2d1dEVLNml1RURzUTZ3TmROZzMiLCJ5Ijoic3AzcDVTR2haVkMyZmFYdW1JLWU5SlUyTW84S3BvWXJG"
          + "RHI1eVBOVnRXNFBnRXdaT3lRVEEtSmRhWTh0YjdFMCJ9LCJlbmMiOiJBMTI4R0NNIn0";
  private static final String S54_EK = "0DJjBXri_kBcC46IkU5_Jk9BqaQeHdv2";
  private static final String S54_IV = "mH-G2zVqgztUtnW_";
  private static final String S54_CT =
      "tkZuOO9h95OgHJmkkrfLBisku8rGf6nzVxhRM3sVOhXgz5NJ76oID7lpnAi_cPWJRCjSpAaUZ5dO"
          + "R3Spy7QuEkmKx8-3RCMhSYMzsXaEwDdXta9Mn5B7cCBoJKB0IgEnj_qfo1hIi-uEkUpOZ8aLTZGHfpl05jMwbKkTe2yK3mjF6SBAsgicQD"
          + "VCkcY9BLluzx1RmC3ORXaM0JaHPB93YcdSDGgpgBWMVrNU1ErkjcMqMoT_wtCex3w03XdLkjXIuEr2hWgeP-nkUZTPU9EoGSPj6fAS-bSz"
          + "87RCPrxZdj_iVyC6QWcqAu07WNhjzJEPc4jVntRJ6K53NgPQ5p99l3Z408OUqj4ioYezbS6vTPlQ";
  private static final String S54_TAG = "WuGzxmcreYjpHGJoa17EBg";
  private static final String S54_PLAINTEXT =
      "You can trust us to stick with you through thick and thin\u2013to the "
          + "bitter end. And you can trust us to keep any secret of yours\u2013closer than you keep it yourself. But you "
          + "cannot trust us to let you face trouble alone, and go off without a word. We are your friends, Frodo.";

  @Test
  void rfc7515A3Es256_verifiesWithNimbusAndGovdxJwkReader() throws Exception {
    ECPublicKey key = (ECPublicKey) Jwks.publicKey(A3_JWK);
    JWSObject jws = JWSObject.parse(A3_JWS);
    assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();

    String[] p = A3_JWS.split("\\.");
    byte[] flattened =
        ("{\"protected\":\""
                + p[0]
                + "\",\"payload\":\""
                + p[1]
                + "\",\"signature\":\""
                + p[2]
                + "\"}")
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Envelope.parse(flattened))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageStartingWith("GDX-2005");
  }

  @Test
  void rfc7520Section54FlattenedJwe_reshapedToCompact_decryptsWithNimbus() throws Exception {
    JWEObject jwe =
        new JWEObject(
            new Base64URL(S54_PROTECTED),
            new Base64URL(S54_EK),
            new Base64URL(S54_IV),
            new Base64URL(S54_CT),
            new Base64URL(S54_TAG));
    jwe.decrypt(new ECDHDecrypter(ECKey.parse(S54_KEY).toECPrivateKey()));
    assertThat(jwe.getPayload().toString()).isEqualTo(S54_PLAINTEXT);
  }

  @Test
  void rfc7520Section54_isNotAGovdxEnvelope_algorithmNotAllowed_generalFormForbidden() {
    String flattened =
        "{\"protected\":\""
            + S54_PROTECTED
            + "\",\"encrypted_key\":\""
            + S54_EK
            + "\",\"iv\":\""
            + S54_IV
            + "\",\"ciphertext\":\""
            + S54_CT
            + "\",\"tag\":\""
            + S54_TAG
            + "\"}";
    assertThatThrownBy(() -> Envelope.parse(flattened.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(AlgorithmNotAllowedException.class)
        .hasMessageStartingWith("GDX-2006");
    String general =
        "{\"recipients\":[{\"encrypted_key\":\""
            + S54_EK
            + "\"}],\"protected\":\""
            + S54_PROTECTED
            + "\",\"iv\":\""
            + S54_IV
            + "\",\"ciphertext\":\""
            + S54_CT
            + "\",\"tag\":\""
            + S54_TAG
            + "\"}";
    assertThatThrownBy(() -> Envelope.parse(general.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageStartingWith("GDX-2004");
  }
}
