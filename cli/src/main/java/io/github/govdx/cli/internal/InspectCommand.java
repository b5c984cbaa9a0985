package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.key.Certificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govdx inspect}: what an envelope says about itself, without decrypting or verifying anything.
 * Not thread-safe.
 */
@Command(
    name = "inspect",
    header = "Show an envelope's headers without decrypting it.",
    mixinStandardHelpOptions = true,
    description = {
      "Shows an envelope's kind, algorithms, routing headers, kid, sizes, digest and (signed envelopes) the",
      "signer certificate carried in x5c, after the structural checks of the parser; decrypts and verifies",
      "nothing, so nothing shown is authenticated yet: use 'govdx verify' or 'govdx open' for that.",
      "Exit 1 if the envelope is malformed."
    })
public final class InspectCommand extends BaseCommand {

  private static final List<String> HEADER_ORDER = List.of("alg", "enc", "cty", "kid", "epk");

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The envelope.")
  @Nullable Path in;

  @Option(
      names = "--cert",
      paramLabel = "C",
      description =
          "A certificate to compare with the envelope's kid (repeatable), e.g. the expected receiver's.")
  List<Path> certs = new ArrayList<>();

  @Override
  protected int execute() {
    byte[] bytes = CliFiles.read(required(in, "--in"), CliFiles.DATA_LIMIT, "--in");
    Map<Path, X509Certificate> compare = new LinkedHashMap<>();
    for (Path c : certs) {
      compare.put(c, KeyMaterial.certificates(c, "--cert").get(0));
    }
    Envelope env = Envelope.parse(bytes);
    JsonNode root;
    JsonNode header;
    try {
      root = ctx().mapper().readTree(bytes);
      header = ctx().mapper().readTree(b64url(root.path("protected").asText()));
    } catch (IOException e) {
      throw new IllegalStateException("envelope accepted by the parser but not readable", e);
    }
    X509Certificate signer = null;
    int chainLength = 0;
    if (env.kind() == Envelope.Kind.SIGNED && header.path("x5c").isArray()) {
      chainLength = header.path("x5c").size();
      if (chainLength > 0) {
        try {
          signer =
              Certificates.parse(Base64.getDecoder().decode(header.path("x5c").get(0).asText()));
        } catch (GovdxException | IllegalArgumentException e) {
          throw new GovdxException(
              CryptoErrorCode.CERTIFICATE_INVALID, "x5c[0] is not an X.509 certificate", e);
        }
      }
    }
    Map<String, Integer> sizes = new LinkedHashMap<>();
    sizes.put("envelope", bytes.length);
    sizes.put("protectedHeader", b64url(root.path("protected").asText()).length);
    String[] members =
        env.kind() == Envelope.Kind.SIGNED
            ? new String[] {"payload", "signature"}
            : new String[] {"encrypted_key", "iv", "ciphertext", "tag"};
    for (String m : members) {
      sizes.put(m, b64url(root.path(m).asText()).length);
    }

    if (json()) {
      ObjectNode r = result();
      EnvelopeText.putEnvelope(r, env);
      r.set("protectedHeader", withoutX5c(header));
      EnvelopeText.putHeaders(r.putObject("headers"), env.headers());
      ObjectNode s = r.putObject("sizes");
      sizes.forEach(s::put);
      if (signer != null) {
        r.put("x5cLength", chainLength);
        KeyMaterial.describe(r.putObject("signerCertificate"), signer);
      }
      ArrayNode matches = r.putArray("kidMatches");
      compare.forEach(
          (path, c) -> {
            ObjectNode m = matches.addObject();
            m.put("cert", path.toString());
            Certificates.partyOf(c).ifPresent(p -> m.put("party", p.toString()));
            m.put("keyId", Certificates.keyId(c));
            m.put("matches", Certificates.keyId(c).equals(env.keyId()));
          });
      return GovdxCli.EXIT_OK;
    }
    PrintWriter w = out();
    w.println(
        (env.kind() == Envelope.Kind.SIGNED ? "signed" : "sealed")
            + " envelope, "
            + env.suite()
            + " suite (nothing below is authenticated until 'govdx verify' or 'govdx open' passes)");
    w.println("  algorithms     " + EnvelopeText.algorithms(env));
    for (String name : HEADER_ORDER) {
      if (header.has(name)) {
        JsonNode v = header.get(name);
        w.println("  header " + pad(name, 7) + (v.isValueNode() ? v.asText() : v.toString()));
      }
    }
    for (Map.Entry<String, JsonNode> p : iterable(header)) {
      if (!p.getKey().startsWith("gdx.")
          && !HEADER_ORDER.contains(p.getKey())
          && !"x5c".equals(p.getKey())) {
        w.println("  header " + pad(p.getKey(), 7) + p.getValue().toString());
      }
    }
    EnvelopeText.printHeaders(w, env.headers());
    w.println(
        "  kid            "
            + env.keyId()
            + (env.kind() == Envelope.Kind.SIGNED
                ? " (signer's certificate)"
                : " (receiver's certificate)"));
    StringBuilder sz = new StringBuilder();
    sizes.forEach(
        (k, v) -> sz.append(sz.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    w.println("  sizes (bytes)  " + sz);
    w.println("  digest         " + env.suite().digestAlgorithm() + " " + env.digest());
    if (signer != null) {
      w.println("  signer certificate (x5c[0] of " + chainLength + ", not yet verified)");
      EnvelopeText.printCertificate(w, "    ", signer);
    } else if (env.kind() == Envelope.Kind.SEALED) {
      w.println(
          "  signer         inside the ciphertext; 'govdx verify --key' or 'govdx open' reveals it");
    }
    compare.forEach(
        (path, c) ->
            w.println(
                "  kid vs "
                    + path
                    + ": "
                    + (Certificates.keyId(c).equals(env.keyId()) ? "MATCHES" : "differs")
                    + Certificates.partyOf(c).map(p -> " (party " + p + ")").orElse("")));
    return GovdxCli.EXIT_OK;
  }

  private static JsonNode withoutX5c(JsonNode header) {
    ObjectNode copy = ((ObjectNode) header).deepCopy();
    if (copy.has("x5c")) {
      copy.put("x5c", "[" + copy.path("x5c").size() + " certificate(s), see signerCertificate]");
    }
    return copy;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private static String pad(String s, int width) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.append(' ').toString();
  }

  private static byte[] b64url(String text) {
    return Base64.getUrlDecoder().decode(text);
  }
}
