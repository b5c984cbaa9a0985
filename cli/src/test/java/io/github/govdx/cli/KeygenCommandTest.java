package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.cli.CliRun.Result;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {

  @TempDir Path dir;

  @Test
  void keygen_gm_writesMatchingKeyCertificateAndJwk() throws IOException {
    Path out = dir.resolve("a");
    Result r = CliRun.run("keygen", "--suite", "gm", "--party", Pki.A, "--out", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();

    PrivateKey key = Pem.readPrivateKey(Files.readString(out.resolve("key.pem")));
    List<X509Certificate> certs = Pem.readCertificates(Files.readString(out.resolve("cert.pem")));
    assertThat(certs).hasSize(1);
    X509Certificate cert = certs.get(0);
    assertThat(KeyPairs.suiteOf(key)).contains(Suite.GM);
    assertThat(Certificates.partyOf(cert)).contains(PartyId.parse(Pki.A));
    assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
    // the library accepts key and certificate as one party's credentials (the key is the
    // certificate's)
    PartyCredentials creds =
        PartyCredentials.builder()
            .partyId(PartyId.parse(Pki.A))
            .privateKey(key)
            .certificateChain(certs)
            .build();
    assertThat(creds.keyId()).isEqualTo(Certificates.keyId(cert));

    JsonNode jwk = new ObjectMapper().readTree(out.resolve("jwk.json").toFile());
    assertThat(jwk.path("kty").asText()).isEqualTo("EC");
    assertThat(jwk.path("crv").asText()).isEqualTo("SM2");
    assertThat(jwk.path("kid").asText()).isEqualTo(Certificates.keyId(cert));
    assertThat(jwk.has("d")).as("public JWK must not carry the private scalar").isFalse();
    assertThat(Base64.getUrlDecoder().decode(jwk.path("x").asText())).hasSize(32);
    assertThat(Base64.getDecoder().decode(jwk.path("x5c").get(0).asText()))
        .isEqualTo(certEncoded(cert));

    assertThat(r.out())
        .contains(Pki.A)
        .contains(Certificates.keyId(cert))
        .doesNotContain("PRIVATE KEY");
    assertThat(r.out() + r.err())
        .doesNotContain(
            Files.readString(out.resolve("key.pem"))
                .lines()
                .filter(l -> !l.startsWith("-----"))
                .findFirst()
                .orElseThrow());
  }

  @Test
  void keygen_privateKey_isOwnerOnly() throws IOException {
    Path out = Pki.keygen(dir, "p", "gm", Pki.A);
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("key.pem"))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void keygen_intl_writesP256() throws IOException {
    Path out = dir.resolve("d");
    Result r =
        CliRun.run(
            "keygen",
            "--suite",
            "INTL",
            "--party",
            Pki.D + "/hotline",
            "--out",
            out.toString(),
            "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = r.json();
    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("suite").asText()).isEqualTo("INTL");
    assertThat(json.path("certificate").path("party").asText()).isEqualTo(Pki.D + "/hotline");
    assertThat(new ObjectMapper().readTree(out.resolve("jwk.json").toFile()).path("crv").asText())
        .isEqualTo("P-256");
    assertThat(KeyPairs.suiteOf(Pem.readPrivateKey(Files.readString(out.resolve("key.pem")))))
        .contains(Suite.INTL);
  }

  @Test
  void keygen_existingFiles_refusesToOverwrite_exit2() throws IOException {
    Path out = Pki.keygen(dir, "a", "gm", Pki.A);
    String before = Files.readString(out.resolve("key.pem"));
    Result r = CliRun.run("keygen", "--suite", "gm", "--party", Pki.A, "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5004").contains("refusing to overwrite");
    assertThat(Files.readString(out.resolve("key.pem"))).isEqualTo(before);
  }

  @Test
  void keygen_oneExistingFile_writesNothing() throws IOException {
    Path out = Files.createDirectories(dir.resolve("x"));
    Files.writeString(out.resolve("jwk.json"), "{}");
    Result r = CliRun.run("keygen", "--suite", "gm", "--party", Pki.A, "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(out.resolve("key.pem")).doesNotExist();
    assertThat(out.resolve("cert.pem")).doesNotExist();
  }

  @Test
  void keygen_invalidParty_isUsageError_exit2() {
    Result r =
        CliRun.run(
            "keygen",
            "--suite",
            "gm",
            "--party",
            "11320500014160477X",
            "--out",
            dir.resolve("z").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001").contains("GDX-1501");
    assertThat(dir.resolve("z")).doesNotExist();
  }

  @Test
  void keygen_unknownSuite_isUsageError_exit2() {
    Result r =
        CliRun.run(
            "keygen", "--suite", "rsa", "--party", Pki.A, "--out", dir.resolve("z").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001").contains("--suite");
  }

  @Test
  void keygen_missingOut_isUsageError_exit2() {
    Result r = CliRun.run("keygen", "--suite", "gm", "--party", Pki.A);
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001").contains("--out");
  }

  private static byte[] certEncoded(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }
}
