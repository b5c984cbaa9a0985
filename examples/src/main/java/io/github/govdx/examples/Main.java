package io.github.govdx.examples;

/** The README's main job: for now the {@link CodeTableTour}; the end-to-end demo replaces it later. */
public final class Main {

  private Main() {}

  /**
   * Runs the main job.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new CodeTableTour(System.out).run();
  }
}
