package io.github.govdx.testkit.internal;

import java.util.function.Supplier;

/**
 * Where the sandbox keeps its generated test keys: in this JVM ({@link #LOCAL}: every call makes a fresh value),
 * or in the shared database of a clustered sandbox ({@link StateTables#getOrCreate}), where the first instance's
 * value is every instance's. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Keyring {

  /** Keys made fresh in this JVM. */
  Keyring LOCAL = (name, create) -> create.get();

  /**
   * The value under a name, made by {@code create} when there is none yet.
   *
   * @param name the name
   * @param create makes a value
   * @return the value every instance uses
   */
  String getOrCreate(String name, Supplier<String> create);
}
