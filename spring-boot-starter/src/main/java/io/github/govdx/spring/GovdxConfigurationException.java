package io.github.govdx.spring;

import io.github.govdx.core.GovdxException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code govdx.*} configuration that cannot work, found at start-up: it names the property, what is wrong and
 * what to do. Spring Boot's failure analysis prints it as {@code Property govdx.…: GDX-60xx: …} with the action.
 * Messages never contain secrets or key material.
 *
 * <p>Immutable once thrown.
 */
public class GovdxConfigurationException extends GovdxException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  /**
   * Creates the exception.
   *
   * @param errorCode the code
   * @param property the full property name, e.g. {@code govdx.credentials.certificate}
   * @param problem what is wrong, in English, without secrets
   * @param action what the operator should do
   * @param cause the underlying failure, or {@code null}
   */
  public GovdxConfigurationException(
      SpringErrorCode errorCode,
      String property,
      String problem,
      String action,
      @Nullable Throwable cause) {
    super(errorCode, problem, cause);
    this.property = Objects.requireNonNull(property, "property == null");
    this.action = Objects.requireNonNull(action, "action == null");
  }

  /**
   * The property at fault.
   *
   * @return the full property name
   */
  public String property() {
    return property;
  }

  /**
   * What to do about it.
   *
   * @return the action
   */
  public String action() {
    return action;
  }
}
