package io.github.govdx.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Marks a client value type and says how Immutables generates it: this annotation alone stands for {@code
 * Value.Immutable} (it is listed in {@code META-INF/annotations/org.immutables.value.immutable}, which only the
 * compiler sees). The generated {@code ImmutableX} stays package-private behind the public abstract type, whose
 * nested {@code Builder} extends the generated builder; {@code build()} returns the public type; an abstract
 * {@code toBuilder()} is implemented by the generated type; an {@code Optional} attribute's setter also takes
 * {@code null} for "absent"; no {@code withX} copies; JDK collections only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    optionalAcceptNullable = true,
    jdkOnly = true,
    toBuilder = "toBuilder",
    defaults = @Value.Immutable(copy = false))
public @interface ValueStyle {}
