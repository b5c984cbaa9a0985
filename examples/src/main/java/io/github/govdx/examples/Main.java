package io.github.govdx.examples;

import io.github.govdx.core.party.PartyId;

/** The README's main job. Replaced by the code-table tour, then by the end-to-end demo. */
public final class Main {

  private Main() {}

  /**
   * Runs the main job.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PartyId id = PartyId.parse("91350100M000100Y43/hotline");
    System.out.println("party " + id + " department " + id.department());
  }
}
