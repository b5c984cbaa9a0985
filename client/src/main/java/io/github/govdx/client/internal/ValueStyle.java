package io.github.govdx.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * How Immutables generates the client's value types: the generated {@code ImmutableX} stays package-private
 * behind the public abstract type, whose nested {@code Builder} extends the generated builder; {@code build()}
 * returns the public type; an {@code Optional} attribute's setter also takes {@code null} for "absent"; no
 * {@code withX} copies (use {@code toBuilder()}); JDK collections only.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    optionalAcceptNullable = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
public @interface ValueStyle {}
