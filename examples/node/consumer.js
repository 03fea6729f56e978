#!/usr/bin/env node
// A Pitwall event consumer in Node.js: reads event topics with read_committed (events of aborted
// transactions never show), decodes each value through the schema registry (Confluent wire
// format: magic byte 0, 4-byte schema id, Avro binary) and prints one line per event, in the
// format of `pitwall tail`. A record that does not decode is reported on stderr, and reading goes on.
//
//   node consumer.js [--bootstrap-servers HOST:PORT] [--schema-registry-url URL]
//                    [--group ID] [--from-beginning] TOPIC...
//
// Defaults: $PITWALL_KAFKA_BOOTSTRAP_SERVERS or localhost:9092, $PITWALL_SCHEMA_REGISTRY_URL or
// http://localhost:8081 (Apicurio: http://HOST:PORT/apis/ccompat/v7), a fresh group id.
'use strict';

const crypto = require('crypto');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
const { formatEvent } = require('./format');

function parseArgs(argv) {
  const options = {
    bootstrapServers: process.env.PITWALL_KAFKA_BOOTSTRAP_SERVERS || 'localhost:9092',
    registryUrl: process.env.PITWALL_SCHEMA_REGISTRY_URL || 'http://localhost:8081',
    groupId: `pitwall-node-${crypto.randomUUID()}`,
    fromBeginning: false,
    topics: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--bootstrap-servers') options.bootstrapServers = value();
    else if (arg === '--schema-registry-url') options.registryUrl = value();
    else if (arg === '--group') options.groupId = value();
    else if (arg === '--from-beginning') options.fromBeginning = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.topics.push(arg);
  }
  if (options.topics.length === 0) throw new Error('name at least one topic, e.g. pitwall.psn.trophy-earned');
  return options;
}

// kafkajs logs to stdout by default: keep stdout for events only.
const stderrLogger = () => ({ level, log }) => {
  if (level <= logLevel.WARN) console.error(`[kafkajs] ${log.message}`);
};

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`pitwall-node-consumer: ${e.message}`);
    process.exit(2);
  }
  const kafka = new Kafka({
    clientId: 'pitwall-node-consumer',
    brokers: options.bootstrapServers.split(','),
    logLevel: logLevel.WARN,
    logCreator: stderrLogger,
  });
  const registry = new SchemaRegistry({ host: options.registryUrl });
  const names = new Map(); // schema id -> record name, one registry call per schema
  const consumer = kafka.consumer({ groupId: options.groupId, readUncommitted: false });

  const stop = async () => {
    try {
      await consumer.disconnect();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await consumer.connect();
  for (const topic of options.topics) {
    await consumer.subscribe({ topic, fromBeginning: options.fromBeginning });
  }
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      try {
        const value = message.value;
        if (!value || value.length < 5 || value[0] !== 0) {
          throw new Error('not in the schema registry wire format');
        }
        const id = value.readInt32BE(1);
        if (!names.has(id)) {
          names.set(id, (await registry.getSchema(id)).name);
        }
        const event = await registry.decode(value);
        console.log(formatEvent(names.get(id), event));
      } catch (e) {
        console.error(`${topic}@${partition}:${message.offset} undecodable: ${e.message}`);
      }
    },
  });
}

main().catch((e) => {
  console.error(`pitwall-node-consumer: ${e.message}`);
  process.exit(1);
});
