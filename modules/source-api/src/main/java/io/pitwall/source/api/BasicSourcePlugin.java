package io.pitwall.source.api;

import io.pitwall.core.WatchOption;
import java.util.List;

/**
 * What every plugin declares as plain data, held once: its id, description, account-id rule, watch
 * options, credential pool, event types and state codec. A plugin extends it and adds its {@link
 * #settings()} and {@link #pollers}.
 */
public abstract class BasicSourcePlugin implements SourcePlugin {

  private final String id;
  private final String description;
  private final AccountIdRule accountIds;
  private final List<WatchOption> options;
  private final CredentialPool credentials;
  private final List<EventType> eventTypes;
  private final StateCodec<?> stateCodec;

  /**
   * @param id the source id
   * @param description one line on what it watches
   * @param accountIds what its account ids look like
   * @param options its watch options besides the common ones
   * @param credentials its credential pool, or null when it needs none
   * @param eventTypes the events it publishes
   * @param stateCodec its state codec
   */
  protected BasicSourcePlugin(
      String id,
      String description,
      AccountIdRule accountIds,
      List<WatchOption> options,
      CredentialPool credentials,
      List<EventType> eventTypes,
      StateCodec<?> stateCodec) {
    this.id = id;
    this.description = description;
    this.accountIds = accountIds;
    this.options = List.copyOf(options);
    this.credentials = credentials;
    this.eventTypes = List.copyOf(eventTypes);
    this.stateCodec = stateCodec;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final String accountIdProblem(String accountId) {
    return accountIds.problem(accountId);
  }

  @Override
  public final List<WatchOption> options() {
    return options;
  }

  @Override
  public final CredentialPool credentials() {
    return credentials;
  }

  @Override
  public final List<EventType> eventTypes() {
    return eventTypes;
  }

  @Override
  public final StateCodec<?> stateCodec() {
    return stateCodec;
  }
}
