package io.pitwall.simulator.psn;

import java.time.Instant;

/**
 * Ground truth: the simulator made an account earn a trophy.
 *
 * @param accountId the account
 * @param npCommunicationId the title
 * @param trophyId the trophy
 * @param groupId the trophy's group
 * @param earnedAt the earn time the API reports
 */
public record TrophyEarnedFact(
    String accountId, String npCommunicationId, int trophyId, String groupId, Instant earnedAt) {}
