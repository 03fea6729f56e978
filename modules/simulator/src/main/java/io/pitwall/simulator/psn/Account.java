package io.pitwall.simulator.psn;

import java.util.LinkedHashMap;
import java.util.Map;

/** A simulated PSN account. Guarded by {@link PsnWorld}. */
public final class Account {

  final String accountId;
  final String onlineId;
  final String language;
  final Map<String, TitleProgress> titles = new LinkedHashMap<>();
  volatile String npsso;
  volatile boolean privateTrophies;

  Account(String accountId, String onlineId, String npsso, String language) {
    this.accountId = accountId;
    this.onlineId = onlineId;
    this.npsso = npsso;
    this.language = language;
  }

  /** Numeric account id. */
  public String accountId() {
    return accountId;
  }

  /** Online id (PSN name). */
  public String onlineId() {
    return onlineId;
  }

  /** Preferred language, used when a request has no Accept-Language. */
  public String language() {
    return language;
  }

  /** Whether other accounts are refused this account's trophy list. */
  public boolean privateTrophies() {
    return privateTrophies;
  }
}
