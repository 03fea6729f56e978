-- PostgreSQL tables for the Debezium JDBC sink (pitwall-jdbc-sink.json): one table per event topic.
--
-- Create them before the connector starts. The sink then only inserts and upserts (it would
-- auto-create missing tables, but with `timestamp without time zone` columns): here every time is a
-- `timestamptz`, an instant, which the sink writes correctly as long as the Connect worker's JVM runs
-- in UTC (-Duser.timezone=UTC, see worker.properties).
--
-- The connector flattens the nested envelope and renames its fields to the first six columns;
-- every other column is the Avro field name folded to lower case (the sink does not quote
-- identifiers). Avro enums are text. The primary key is the event id: an account's events share a
-- record key (<source>:<accountId>), so keying by it would collapse them into one row; upserting by
-- event_id makes a replayed or re-delivered event a no-op.

CREATE TABLE IF NOT EXISTS trophy_earned (
  event_id             text PRIMARY KEY,
  source               text NOT NULL,
  account_id           text NOT NULL,
  watch_label          text,
  detected_at          timestamptz NOT NULL,
  event_time           timestamptz,
  npcommunicationid    text NOT NULL,
  titlename            text NOT NULL,
  titledetail          text,
  titleiconurl         text,
  titleplatform        text NOT NULL,
  npservicename        text NOT NULL,
  trophysetversion     text NOT NULL,
  trophyid             integer NOT NULL,
  trophygroupid        text NOT NULL,
  trophygroupname      text,
  trophytype           text NOT NULL,
  trophyname           text NOT NULL,
  trophydetail         text NOT NULL,
  trophyiconurl        text NOT NULL,
  trophyhidden         boolean NOT NULL,
  trophyrare           text,
  trophyearnedrate     double precision,
  trophyrewardname     text,
  trophyrewardimageurl text
);

CREATE TABLE IF NOT EXISTS dr_class_changed (
  event_id              text PRIMARY KEY,
  source                text NOT NULL,
  account_id            text NOT NULL,
  watch_label           text,
  detected_at           timestamptz NOT NULL,
  event_time            timestamptz,
  previousclass         text NOT NULL,
  newclass              text NOT NULL,
  previousclassnumber   integer,
  newclassnumber        integer,
  direction             text NOT NULL,
  previousdrpoints      bigint,
  drpoints              bigint,
  precision             text NOT NULL,
  favouritemanufacturer text,
  favouritecar          text
);

CREATE TABLE IF NOT EXISTS safety_rating_changed (
  event_id              text PRIMARY KEY,
  source                text NOT NULL,
  account_id            text NOT NULL,
  watch_label           text,
  detected_at           timestamptz NOT NULL,
  event_time            timestamptz,
  previousclass         text NOT NULL,
  newclass              text NOT NULL,
  direction             text NOT NULL,
  previouspoints        integer,
  points                integer,
  precision             text NOT NULL,
  favouritemanufacturer text,
  favouritecar          text
);

CREATE TABLE IF NOT EXISTS series_round_scored (
  event_id          text PRIMARY KEY,
  source            text NOT NULL,
  account_id        text NOT NULL,
  watch_label       text,
  detected_at       timestamptz NOT NULL,
  event_time        timestamptz,
  seriesid          text NOT NULL,
  seriestype        text,
  roundnumber       integer NOT NULL,
  change            text NOT NULL,
  points            double precision NOT NULL,
  previouspoints    double precision,
  iscounted         boolean NOT NULL,
  previousiscounted boolean,
  seasonrank        integer,
  totalpoints       double precision
);

CREATE TABLE IF NOT EXISTS watch_status_changed (
  event_id       text PRIMARY KEY,
  source         text NOT NULL,
  account_id     text NOT NULL,
  watch_label    text,
  detected_at    timestamptz NOT NULL,
  event_time     timestamptz,
  status         text NOT NULL,
  previousstatus text,
  reason         text NOT NULL
);
