package io.github.govdx.spring.internal;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.spring.GovdxProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The department's credentials and trust anchors, read on the pre-initializer's thread as soon as the environment
 * is prepared, so that the credential check (Bouncy Castle, the PEM or PKCS#12 key, the certificate chain, the
 * key/certificate pair check) overlaps Spring's own start-up work instead of following it.
 *
 * <p>The beans take a preloaded result only when the properties they are given are equal to the ones read here
 * (the same files, password and party); otherwise, when nothing was preloaded, and when the preloading failed,
 * they load as before on their own thread, so a misconfiguration is reported exactly as without preloading. Each result is handed out once; whatever is not taken is dropped when the
 * application has started or failed, so no key stays reachable from here. A PKCS#11 key is never preloaded (the
 * token session belongs to the bean).
 */
final class StartupPreload {

  private record Pending<K, V>(K key, CompletableFuture<V> result) {}

  private record Loaded(PartyId party, PartyCredentials credentials) {}

  private static volatile @Nullable Pending<GovdxProperties.Credentials, Loaded> credentials;
  private static volatile @Nullable Pending<List<Path>, TrustStore> trust;

  private StartupPreload() {}

  /**
   * Reads {@code govdx.party-id}, {@code govdx.credentials.*} and {@code govdx.trust.anchors} and loads them, on the
   * calling thread (the pre-initializer's). Each result is published before it is loaded, so a bean that asks while
   * it is still loading waits for it instead of loading it a second time. Does nothing for credentials that are
   * incomplete or name a PKCS#11 module. Reading the environment while the main thread prepares the context is
   * safe for the beans: a value read here that differs from the one the beans are given only means the result is
   * not taken.
   *
   * @param environment the prepared environment
   * @return whether credentials were loaded (Bouncy Castle is then warm)
   */
  static boolean run(ConfigurableEnvironment environment) {
    Binder binder = Binder.get(environment);
    String partyText = binder.bind("govdx.party-id", String.class).orElse(null);
    GovdxProperties.Credentials c =
        binder.bind("govdx.credentials", GovdxProperties.Credentials.class).orElse(null);
    List<Path> anchors =
        binder.bind("govdx.trust.anchors", Bindable.listOf(Path.class)).orElse(List.of());
    CompletableFuture<Loaded> loaded = null;
    if (partyText != null
        && c != null
        && c.pkcs11() != null
        && c.pkcs11().config() == null
        && (c.pkcs12() != null || (c.privateKey() != null && c.certificate() != null))) {
      loaded = new CompletableFuture<>();
      credentials = new Pending<>(c, loaded);
    }
    CompletableFuture<TrustStore> trusted = null;
    if (!anchors.isEmpty()) {
      trusted = new CompletableFuture<>();
      trust = new Pending<>(anchors, trusted);
    }
    if (loaded != null) {
      String text = partyText.trim();
      complete(
          loaded,
          () -> {
            PartyId party = PartyId.parse(text);
            return new Loaded(party, ConfigChecks.load(c, party));
          });
    }
    if (trusted != null) {
      complete(trusted, () -> ConfigChecks.trustStore(anchors));
    }
    return loaded != null && !loaded.isCompletedExceptionally();
  }

  private static <V> void complete(CompletableFuture<V> result, Supplier<V> work) {
    try {
      result.complete(work.get());
    } catch (RuntimeException | LinkageError e) {
      result.completeExceptionally(e);
    }
  }

  /**
   * Takes the preloaded credentials for exactly these properties, waiting for them if they are still loading.
   *
   * @param c the bound credential properties
   * @param party the configured party
   * @return the credentials, or {@code null} when none were preloaded for these properties
   */
  static @Nullable PartyCredentials credentials(GovdxProperties.Credentials c, PartyId party) {
    Pending<GovdxProperties.Credentials, Loaded> p = credentials;
    credentials = null;
    if (p == null || !p.key().equals(c)) {
      return null;
    }
    Loaded loaded = join(p.result());
    return loaded != null && loaded.party().equals(party) ? loaded.credentials() : null;
  }

  /**
   * Takes the preloaded trust store for exactly these anchors.
   *
   * @param anchors the bound anchors
   * @return the trust store, or {@code null} when none was preloaded for them
   */
  static @Nullable TrustStore trustStore(List<Path> anchors) {
    Pending<List<Path>, TrustStore> p = trust;
    trust = null;
    return p == null || !Objects.equals(p.key(), anchors) ? null : join(p.result());
  }

  /** Drops whatever was not taken. */
  static void clear() {
    credentials = null;
    trust = null;
  }

  private static <V> @Nullable V join(CompletableFuture<V> result) {
    try {
      return result.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      return null; // loaded again by the bean, which reports the failure as it always has
    }
  }
}
