package io.github.govdx.testkit.junit;

import io.github.govdx.testkit.ReviewMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link io.github.govdx.testkit.ExchangeSandbox} per test class (on a free loopback port, with the
 * built-in seed unless {@link #seed()} names a directory) and stops it after the class. Test methods, constructors
 * and lifecycle methods can declare parameters of type {@code ExchangeSandbox}, and of type
 * {@code ExchangeClient}, {@code ExchangeAsyncClient} or {@code TestParty} annotated with {@link SandboxParty}.
 *
 * <pre>{@code
 * @GovdxSandbox(review = ReviewMode.MANUAL)
 * class HotlineIntegrationTest {
 *   @Test
 *   void findsTheResource(@SandboxParty("hotline") ExchangeClient hotline) {
 *     assertThat(hotline.catalog().detail("335001001/00012").name()).isEqualTo("户籍人口基本信息");
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe: the sandbox and the clients it injects are shared by the class's tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GovdxSandboxExtension.class)
public @interface GovdxSandbox {

  /**
   * How access applications are reviewed.
   *
   * @return the review mode; default {@link ReviewMode#AUTO_APPROVE}
   */
  ReviewMode review() default ReviewMode.AUTO_APPROVE;

  /**
   * A seed directory (parties, catalog, datasets), relative to the working directory; empty for the built-in seed.
   *
   * @return the directory, or empty
   */
  String seed() default "";

  /**
   * Whether requests must carry govdx HMAC gateway credentials (the injected clients always sign).
   *
   * @return whether the gateway checks credentials; default {@code true}
   */
  boolean gatewayAuth() default true;
}
