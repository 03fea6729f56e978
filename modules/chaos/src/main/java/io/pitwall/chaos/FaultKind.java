package io.pitwall.chaos;

/** The kinds of fault the harness injects, with the name its output uses. */
public enum FaultKind {
  /** SIGKILL of the engine, restarted 3 s later as a supervisor would. */
  KILL("kill", Family.KILL),
  /** SIGSTOP of the engine, SIGCONT a few seconds later. */
  PAUSE("pause", Family.PAUSE),
  /** The broker down (stopped or killed) for 60 to 120 s. */
  BROKER_OUTAGE("broker-outage", Family.BROKER),
  /** The registry restarted on its durable storage. */
  REGISTRY_RESTART("registry-restart", Family.REGISTRY),
  /** Every request of an upstream answers 503 for a while. */
  HTTP_5XX("http-5xx", Family.UPSTREAM),
  /** Requests of an upstream hang (no answer) for a while. */
  HTTP_HANG("http-hang", Family.UPSTREAM),
  /** Requests of an upstream answer 429 with Retry-After hints for a while. */
  HTTP_429("http-429", Family.UPSTREAM),
  /** The next PSN requests answer with malformed or truncated bodies. */
  PSN_MALFORMED("psn-malformed", Family.UPSTREAM),
  /** Every PSN access token is revoked at once. */
  TOKEN_REVOKED("token-revoked", Family.UPSTREAM),
  /** One member of the PSN credential pool expires for good. */
  CREDENTIAL_EXPIRED("credential-expired", Family.UPSTREAM);

  /** Which counter of the summary line a kind adds to. */
  public enum Family {
    KILL,
    PAUSE,
    BROKER,
    REGISTRY,
    UPSTREAM
  }

  private final String label;
  private final Family family;

  FaultKind(String label, Family family) {
    this.label = label;
    this.family = family;
  }

  /** The name in the output, e.g. {@code broker-outage}. */
  public String label() {
    return label;
  }

  /** The summary counter it adds to. */
  public Family family() {
    return family;
  }
}
