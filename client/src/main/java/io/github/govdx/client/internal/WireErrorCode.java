package io.github.govdx.client.internal;

import io.github.govdx.core.ErrorCode;

/**
 * An error code received on the wire that this version of govdx does not know (a newer server).
 *
 * @param code the code text, {@code GDX-} and four digits
 * @param title a generic title
 */
public record WireErrorCode(String code, String title) implements ErrorCode {}
