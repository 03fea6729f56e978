package io.pitwall.simulator.psn;

/**
 * A trophy's name and description in one language.
 *
 * @param name trophy name
 * @param detail trophy description
 */
public record LocalizedText(String name, String detail) {}
