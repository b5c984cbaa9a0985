package io.github.govdx.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the sandbox party whose client (or {@code TestParty}) {@link GovdxSandbox} injects, e.g.
 * {@code @SandboxParty("hotline") ExchangeClient hotline}. The value is an alias of the seed's parties or a party
 * id. Thread-safe.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SandboxParty {

  /**
   * The party's alias (e.g. {@code police}) or party id.
   *
   * @return the alias or id
   */
  String value();
}
