package io.github.govdx.testkit.junit;

import io.github.govdx.client.ExchangeAsyncClient;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.TestParty;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link GovdxSandbox}: starts the sandbox before the class, injects it and clients
 * for named parties, and closes them after the class (through the extension store). Clients are created once per
 * party and class. Thread-safe.
 */
public final class GovdxSandboxExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(GovdxSandboxExtension.class);
  private static final String SANDBOX = "sandbox";

  /** Creates the extension (JUnit instantiates it). */
  public GovdxSandboxExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    if (store.get(SANDBOX) != null) {
      return;
    }
    GovdxSandbox config =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), GovdxSandbox.class)
            .orElse(null);
    ExchangeSandbox.Builder b = ExchangeSandbox.builder();
    if (config != null) {
      b.reviewMode(config.review()).gatewayAuth(config.gatewayAuth());
      if (!config.seed().isEmpty()) {
        b.seed(Path.of(config.seed()));
      }
    }
    store.put(SANDBOX, new Closing(b.start()));
  }

  private static ExchangeSandbox sandbox(ExtensionContext context) {
    Closing c = context.getStore(NS).get(SANDBOX, Closing.class);
    if (c == null) {
      throw new ParameterResolutionException(
          "no sandbox: annotate the test class with @GovdxSandbox");
    }
    return (ExchangeSandbox) c.resource;
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    if (type == ExchangeSandbox.class) {
      return true;
    }
    boolean named = parameterContext.isAnnotated(SandboxParty.class);
    return named
        && (type == ExchangeClient.class
            || type == ExchangeAsyncClient.class
            || type == TestParty.class);
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    ExchangeSandbox sandbox = sandbox(extensionContext);
    Parameter p = parameterContext.getParameter();
    if (p.getType() == ExchangeSandbox.class) {
      return sandbox;
    }
    Optional<SandboxParty> named = parameterContext.findAnnotation(SandboxParty.class);
    String alias =
        named
            .map(SandboxParty::value)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "annotate the parameter with @SandboxParty(\"alias\")"));
    TestParty party;
    try {
      party = sandbox.party(alias);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    if (p.getType() == TestParty.class) {
      return party;
    }
    ExtensionContext.Store store = classStore(extensionContext);
    String key = (p.getType() == ExchangeClient.class ? "client:" : "async:") + party.alias();
    Closing c =
        store.getOrComputeIfAbsent(
            key,
            k ->
                new Closing(
                    p.getType() == ExchangeClient.class
                        ? sandbox.client(party.alias())
                        : sandbox.asyncClient(party.alias())),
            Closing.class);
    return c.resource;
  }

  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c.getStore(NS);
  }

  /**
   * Closes its resource when JUnit discards the store: JUnit 5.13+ closes {@link AutoCloseable} store values (the
   * deprecated {@code CloseableResource} made JUnit warn).
   */
  private static final class Closing implements AutoCloseable {
    final AutoCloseable resource;

    Closing(AutoCloseable resource) {
      this.resource = resource;
    }

    @Override
    public void close() {
      try {
        resource.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("closing the sandbox failed", e);
      }
    }
  }
}
