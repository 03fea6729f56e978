package io.pitwall.source.psn;

import io.pitwall.source.psn.diff.TitleEntry;
import java.util.List;

/**
 * One page of {@code trophyTitles}.
 *
 * @param entries the titles, newest first
 * @param nextOffset the offset of the next page, or null on the last page
 * @param totalItemCount the account's number of titles
 */
public record TitlePage(List<TitleEntry> entries, Integer nextOffset, int totalItemCount) {}
