package io.github.govdx.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which resource a {@code QueryHandler} or {@code PushHandler} bean answers, for the provider side
 * ({@code govdx.provider.enabled=true}): on the bean's class or on its {@code @Bean} method.
 *
 * <pre>{@code
 * @Component
 * @GovdxResource("335002001/00003")
 * class DemandsQuery implements QueryHandler {
 *   public QueryAnswer answer(ProviderQuery query) { ... }
 * }
 * }</pre>
 *
 * <p>A bean that implements both interfaces serves both queries and pushes of the resource. The resource's catalog
 * detail (its items and schema drive validation) is fetched from the exchange at start-up; to serve without
 * asking the exchange, declare a {@link ProviderRegistration} bean with the detail instead. The handlers must be
 * thread-safe.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface GovdxResource {

  /**
   * The resource code, e.g. {@code 335002001/00003}.
   *
   * @return the code
   */
  String value();
}
