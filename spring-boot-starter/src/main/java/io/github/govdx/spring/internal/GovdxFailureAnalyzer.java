package io.github.govdx.spring.internal;

import io.github.govdx.spring.GovdxConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link GovdxConfigurationException} that stopped start-up as one line naming the property
 * ({@code Property govdx.credentials.certificate: GDX-6005: …}) and the action to take.
 */
public final class GovdxFailureAnalyzer
    extends AbstractFailureAnalyzer<GovdxConfigurationException> {

  /** Creates the analyzer (Spring Boot instantiates it from {@code META-INF/spring.factories}). */
  public GovdxFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, GovdxConfigurationException cause) {
    return new FailureAnalysis(describe(cause), cause.action(), cause);
  }

  /**
   * The one-line description.
   *
   * @param e the exception
   * @return {@code Property <name>: <GDX-code>: <problem>}
   */
  public static String describe(GovdxConfigurationException e) {
    return "Property " + e.property() + ": " + e.getMessage();
  }
}
