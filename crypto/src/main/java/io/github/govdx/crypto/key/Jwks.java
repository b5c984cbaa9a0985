package io.github.govdx.crypto.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.KeyConversions;
import io.github.govdx.crypto.internal.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * JWK and JWK Set (RFC 7517) output and input of public keys and party certificates.
 *
 * <p>Keys are {@code "kty":"EC"} with {@code "crv":"P-256"} (RFC 7518 §6.2) or {@code "crv":"SM2"}
 * (curve sm2p256v1; a govdx name, as no registration exists), coordinates {@code x}, {@code y} as 32-byte
 * base64url. Written keys carry {@code kid} ({@link Certificates#keyId(X509Certificate)}), {@code use}
 * omitted, and {@code x5c} (the certificate, standard base64). Private JWKs are not supported: use PEM or
 * {@link Pkcs12}.
 *
 * <p>Input errors are {@link KeyMaterialException} ({@code GDX-2401}). Thread-safe.
 */
public final class Jwks {

  private static final int MAX_CHARS = 1024 * 1024;

  private Jwks() {}

  /**
   * The public JWK of a certificate's key, with {@code kid} and {@code x5c}.
   *
   * @param certificate an SM2 or P-256 certificate
   * @return the JWK JSON text
   * @throws KeyMaterialException {@code GDX-2401} if the key is neither SM2 nor P-256
   */
  public static String toJwk(X509Certificate certificate) {
    return node(certificate).toString();
  }

  /**
   * A JWK Set of certificates' keys.
   *
   * @param certificates the certificates
   * @return the JWKS JSON text ({@code {"keys":[...]}})
   * @throws KeyMaterialException {@code GDX-2401} if a key is neither SM2 nor P-256
   */
  public static String toJwks(List<X509Certificate> certificates) {
    ObjectNode root = StrictJson.mapper().createObjectNode();
    ArrayNode keys = root.putArray("keys");
    for (X509Certificate c : certificates) {
      keys.add(node(c));
    }
    return root.toString();
  }

  private static ObjectNode node(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate == null");
    Suite suite =
        Certificates.suiteOf(certificate)
            .orElseThrow(
                () -> new KeyMaterialException("certificate key is neither SM2 nor P-256", null));
    SubjectPublicKeyInfo spki =
        SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
    byte[] point = spki.getPublicKeyData().getOctets();
    if (point.length != 65 || point[0] != 0x04) {
      throw new KeyMaterialException("certificate key is not an uncompressed EC point", null);
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    ObjectNode n = StrictJson.mapper().createObjectNode();
    n.put("kty", "EC");
    n.put("crv", suite == Suite.GM ? "SM2" : "P-256");
    n.put("x", b64.encodeToString(Arrays.copyOfRange(point, 1, 33)));
    n.put("y", b64.encodeToString(Arrays.copyOfRange(point, 33, 65)));
    n.put("kid", Certificates.keyId(certificate));
    n.putArray("x5c").add(Base64.getEncoder().encodeToString(Certificates.der(certificate)));
    return n;
  }

  /**
   * Reads the public key of a JWK.
   *
   * @param jwk the JWK JSON text
   * @return the key (Bouncy Castle object for SM2, JDK for P-256)
   * @throws KeyMaterialException {@code GDX-2401} if it is not an EC JWK on SM2 or P-256
   */
  public static PublicKey publicKey(String jwk) {
    return publicKey(parse(jwk));
  }

  /**
   * The certificates ({@code x5c} leaves) of a JWK Set, in order; keys without {@code x5c} are skipped.
   *
   * @param jwks the JWKS JSON text
   * @return the certificates
   * @throws KeyMaterialException {@code GDX-2401} if the set or a certificate is malformed
   */
  public static List<X509Certificate> certificates(String jwks) {
    JsonNode root = parse(jwks);
    JsonNode keys = root.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new KeyMaterialException("JWKS has no \"keys\" array", null);
    }
    List<X509Certificate> out = new ArrayList<>();
    for (JsonNode k : keys) {
      JsonNode x5c = k.get("x5c");
      if (x5c != null && x5c.isArray() && x5c.size() > 0 && x5c.get(0).isTextual()) {
        try {
          X509Certificate c =
              Certificates.parse(Base64.getDecoder().decode(x5c.get(0).textValue()));
          if (k.has("x") && !publicKey(k).equals(Certificates.publicKey(c))) {
            throw new KeyMaterialException("JWK key differs from its x5c certificate", null);
          }
          out.add(c);
        } catch (IllegalArgumentException e) {
          throw new KeyMaterialException("JWK x5c is not base64", e);
        }
      }
    }
    return List.copyOf(out);
  }

  private static JsonNode parse(String json) {
    Objects.requireNonNull(json, "json == null");
    if (json.length() > MAX_CHARS) {
      throw new KeyMaterialException("JWK input larger than 1 MiB", null);
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (StrictJson.deeperThan(bytes, 8)) {
      throw new KeyMaterialException("JWK input nested too deeply", null);
    }
    try {
      JsonNode n = StrictJson.parse(bytes);
      if (n == null || !n.isObject()) {
        throw new KeyMaterialException("JWK input is not a JSON object", null);
      }
      return n;
    } catch (IOException e) {
      throw new KeyMaterialException("JWK input is not strict JSON", e);
    }
  }

  private static PublicKey publicKey(JsonNode n) {
    if (!"EC".equals(n.path("kty").asText())) {
      throw new KeyMaterialException("JWK kty is not EC", null);
    }
    String crv = n.path("crv").asText();
    ASN1ObjectIdentifier curve =
        "SM2".equals(crv)
            ? GMObjectIdentifiers.sm2p256v1
            : "P-256".equals(crv) ? X9ObjectIdentifiers.prime256v1 : null;
    if (curve == null) {
      throw new KeyMaterialException("JWK crv is neither SM2 nor P-256", null);
    }
    try {
      byte[] x = Base64.getUrlDecoder().decode(n.path("x").asText());
      byte[] y = Base64.getUrlDecoder().decode(n.path("y").asText());
      if (x.length != 32 || y.length != 32) {
        throw new KeyMaterialException("JWK x and y must be 32 bytes", null);
      }
      byte[] point = new byte[65];
      point[0] = 0x04;
      System.arraycopy(x, 0, point, 1, 32);
      System.arraycopy(y, 0, point, 33, 32);
      SubjectPublicKeyInfo spki =
          new SubjectPublicKeyInfo(
              new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point);
      return KeyConversions.publicKey(spki.getEncoded());
    } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
      throw new KeyMaterialException("JWK coordinates are not a point on " + crv, e);
    }
  }
}
