package io.pitwall.bench;

/**
 * How far one engine of the scheduling benchmark fell behind the compressed clock over the measured
 * part of the run (all lags in virtual time).
 *
 * @param mode the engine's scheduling mode, as the report names it
 * @param ticks how late its scheduling rounds started against their fixed-rate schedule
 * @param budgetUse the requests the simulator answered in the window over the budget of the window
 * @param simulator the latency of its requests to its simulator, as the engine observed them
 * @param broker from sending an event to Kafka to the benchmark's read_committed consumer reading
 *     it (the transaction's commit and the fetch)
 * @param pollToRead from the poll that detected a change to reading its event from Kafka (the
 *     poll's requests, its wait for the publisher, the broker)
 */
record EngineLag(
    String mode, Lag ticks, double budgetUse, Lag simulator, Lag broker, Lag pollToRead) {}
