package io.github.govdx.client.observation;

/** The text form shared by {@link CallOutcome} and {@link ProviderOutcome}. */
final class Outcomes {

  private Outcomes() {}

  static String describe(
      String type, ExchangeOutcome o, String beforeLatency, String afterLatency) {
    return type
        + "{"
        + o.operation()
        + ", "
        + o.outcome().tagValue()
        + ", status="
        + o.status()
        + o.errorCode().map(c -> ", code=" + c).orElse("")
        + o.envelopeErrorCode().map(c -> ", envelopeCode=" + c).orElse("")
        + beforeLatency
        + ", latency="
        + o.latency().toMillis()
        + "ms"
        + afterLatency
        + "}";
  }
}
