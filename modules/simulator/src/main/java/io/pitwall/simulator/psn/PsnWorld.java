package io.pitwall.simulator.psn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the PSN simulator knows: the title catalog, the accounts and their progress, and the
 * ground-truth log of every change the simulator made. All access is synchronized on this object;
 * renderers that read several parts hold the lock for the whole response.
 */
public final class PsnWorld {

  private final Map<String, TitleDef> catalog = new LinkedHashMap<>();
  private final Map<String, String> communicationIdByTitleId = new HashMap<>();
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final List<TrophyEarnedFact> groundTruth = new ArrayList<>();
  private final Map<String, List<GameHint>> hints = new HashMap<>();

  /** Adds or replaces a title in the catalog. */
  public synchronized void addTitle(TitleDef title) {
    catalog.put(title.npCommunicationId(), title);
    title.npTitleIds().forEach(id -> communicationIdByTitleId.put(id, title.npCommunicationId()));
  }

  /** Sets the Game Help available for a title's trophies. */
  public synchronized void setHints(String npCommunicationId, List<GameHint> titleHints) {
    hints.put(npCommunicationId, List.copyOf(titleHints));
  }

  /** The Game Help of a title, possibly empty. */
  public synchronized List<GameHint> hints(String npCommunicationId) {
    return hints.getOrDefault(npCommunicationId, List.of());
  }

  /** Adds an account; its npsso signs it in. */
  public synchronized Account addAccount(
      String accountId, String onlineId, String npsso, String language) {
    if (accounts.containsKey(accountId)) {
      throw new IllegalArgumentException("account " + accountId + " exists already");
    }
    Account account = new Account(accountId, onlineId, npsso, language);
    accounts.put(accountId, account);
    return account;
  }

  /** The title, or null. */
  public synchronized TitleDef title(String npCommunicationId) {
    return catalog.get(npCommunicationId);
  }

  /** All titles of the catalog. */
  public synchronized Collection<TitleDef> titles() {
    return List.copyOf(catalog.values());
  }

  /** The trophy set linked to a product title id (CUSA..., PPSA...), or null. */
  public synchronized String communicationIdOf(String npTitleId) {
    return communicationIdByTitleId.get(npTitleId);
  }

  /** The account, or null. */
  public synchronized Account account(String accountId) {
    return accounts.get(accountId);
  }

  /** All accounts. */
  public synchronized List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  /** The account an npsso signs in, or null. */
  public synchronized Account accountByNpsso(String npsso) {
    if (npsso == null) {
      return null;
    }
    return accounts.values().stream().filter(a -> npsso.equals(a.npsso)).findFirst().orElse(null);
  }

  /** The account with this online id (case-insensitive, as PSN treats them), or null. */
  public synchronized Account accountByOnlineId(String onlineId) {
    return accounts.values().stream()
        .filter(a -> a.onlineId.equalsIgnoreCase(onlineId))
        .findFirst()
        .orElse(null);
  }

  /** Invalidates the account's npsso (the cookie expired or was signed out). */
  public synchronized void expireNpsso(String accountId) {
    require(accountId).npsso = null;
  }

  /** Makes the account's trophy list private (or public again). */
  public synchronized void setPrivate(String accountId, boolean privateTrophies) {
    require(accountId).privateTrophies = privateTrophies;
  }

  /** The account launched the title: it appears in its list with nothing earned. */
  public synchronized TitleProgress sync(String accountId, String npCommunicationId, Instant at) {
    Account account = require(accountId);
    requireTitle(npCommunicationId);
    return account.titles.computeIfAbsent(npCommunicationId, id -> new TitleProgress(at));
  }

  /**
   * The account earns a trophy at {@code at} (syncing the title first if needed) and the change
   * goes to the ground-truth log. Earning an already earned trophy changes nothing.
   *
   * @return true when the trophy was newly earned
   */
  public synchronized boolean earn(
      String accountId, String npCommunicationId, int trophyId, Instant at) {
    TitleDef title = requireTitle(npCommunicationId);
    TrophyDef trophy = title.trophy(trophyId);
    if (trophy == null) {
      throw new IllegalArgumentException(npCommunicationId + " has no trophy " + trophyId);
    }
    TitleProgress progress = sync(accountId, npCommunicationId, at);
    if (progress.earned.containsKey(trophyId)) {
      return false;
    }
    progress.earned.put(trophyId, at);
    progress.progress.remove(trophyId);
    if (at.isAfter(progress.lastUpdated)) {
      progress.lastUpdated = at;
    }
    groundTruth.add(
        new TrophyEarnedFact(accountId, npCommunicationId, trophyId, trophy.groupId(), at));
    return true;
  }

  /** Records progress on a progress-tracking trophy that is not yet earned. */
  public synchronized void progress(
      String accountId,
      String npCommunicationId,
      int trophyId,
      String value,
      int rate,
      Instant at) {
    TitleProgress progress = sync(accountId, npCommunicationId, at);
    progress.progress.put(trophyId, new TitleProgress.Progress(value, rate, at));
  }

  /** Hides (or unhides) a title on the owner's list; others no longer see it. */
  public synchronized void hide(String accountId, String npCommunicationId, boolean hidden) {
    TitleProgress progress = require(accountId).titles.get(npCommunicationId);
    if (progress == null) {
      throw new IllegalArgumentException(accountId + " never synced " + npCommunicationId);
    }
    progress.hidden = hidden;
  }

  /** The account's progress in a title, or null when it never synced it. */
  public synchronized TitleProgress progressOf(String accountId, String npCommunicationId) {
    Account account = accounts.get(accountId);
    return account == null ? null : account.titles.get(npCommunicationId);
  }

  /**
   * The account's titles newest first by {@code lastUpdatedDateTime}, as {@code trophyTitles} lists
   * them; hidden titles only when the owner asks.
   */
  public synchronized List<Map.Entry<TitleDef, TitleProgress>> titlesOf(
      String accountId, boolean includeHidden) {
    return require(accountId).titles.entrySet().stream()
        .filter(e -> includeHidden || !e.getValue().hidden)
        .sorted(
            Comparator.comparing((Map.Entry<String, TitleProgress> e) -> e.getValue().lastUpdated)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .map(e -> Map.entry(catalog.get(e.getKey()), e.getValue()))
        .toList();
  }

  /** Every trophy the simulator made an account earn, in order. */
  public synchronized List<TrophyEarnedFact> groundTruth() {
    return List.copyOf(groundTruth);
  }

  private Account require(String accountId) {
    Account account = accounts.get(accountId);
    if (account == null) {
      throw new IllegalArgumentException("no account " + accountId);
    }
    return account;
  }

  private TitleDef requireTitle(String npCommunicationId) {
    TitleDef title = catalog.get(npCommunicationId);
    if (title == null) {
      throw new IllegalArgumentException("no title " + npCommunicationId);
    }
    return title;
  }
}
