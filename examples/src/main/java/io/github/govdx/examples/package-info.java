/**
 * Runnable govdx scenarios; {@link io.github.govdx.examples.Main} is the README's main job.
 */
@NullMarked
package io.github.govdx.examples;

import org.jspecify.annotations.NullMarked;
