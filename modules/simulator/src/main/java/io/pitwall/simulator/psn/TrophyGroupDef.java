package io.pitwall.simulator.psn;

/**
 * A trophy group of a title: {@code default} for the base game, {@code 001}... for add-ons.
 *
 * @param id group id
 * @param name group name
 * @param detail group description (PS3/PS4/Vita titles only), or null
 * @param iconUrl icon URL
 */
public record TrophyGroupDef(String id, String name, String detail, String iconUrl) {}
