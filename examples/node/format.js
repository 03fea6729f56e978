'use strict';
// One line per event, exactly as `pitwall tail` prints it (modules/app .../cli/EventLine.java),
// so that both can be compared line by line.

// java.time.Instant#toString of a timestamp-millis: no fraction when the millis are 0.
function instant(millis) {
  if (millis === null || millis === undefined) return 'null';
  return new Date(Number(millis)).toISOString().replace('.000Z', 'Z');
}

// Java's Double#toString for the values Pitwall carries (points, percentages): always a fraction.
function javaDouble(x) {
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return x.toFixed(1);
  return String(x);
}

// Java's String.format("%.1f"): HALF_UP rounding of the shortest decimal form, which
// Number#toFixed (rounding the exact binary value) does not always match (1.15 -> 1.2, not 1.1).
function fixed1(x) {
  const text = String(Math.abs(x));
  if (text.includes('e')) return x.toFixed(1);
  const [whole, fraction = ''] = text.split('.');
  const digits = fraction.padEnd(2, '0');
  let tenths = BigInt(whole + digits[0]);
  if (digits[1] >= '5') tenths += 1n;
  const s = tenths.toString().padStart(2, '0');
  return `${x < 0 ? '-' : ''}${s.slice(0, -1)}.${s.slice(-1)}`;
}

function key(envelope) {
  const label = envelope.watchLabel === null || envelope.watchLabel === undefined
    ? '' : ` (${envelope.watchLabel})`;
  return `${envelope.source}:${envelope.accountId}${label}`;
}

const nullable = (v) => v === null || v === undefined;

const formats = {
  TrophyEarned: (t) =>
    `TrophyEarned ${key(t.envelope)} "${t.titleName}" [${t.titlePlatform}] ${t.trophyType} ` +
    `${t.npCommunicationId}#${t.trophyId} "${t.trophyName}"${t.trophyHidden ? ' (hidden)' : ''}` +
    `${nullable(t.trophyEarnedRate) ? '' : ` ${fixed1(t.trophyEarnedRate)}% of players`}` +
    ` earned ${instant(t.envelope.eventTime)}`,
  DrClassChanged: (d) =>
    `DrClassChanged ${key(d.envelope)} ${d.previousClass} -> ${d.newClass} ${d.direction}` +
    `${nullable(d.drPoints) ? '' : ` (${d.drPoints} DR points)`}`,
  SafetyRatingChanged: (s) =>
    `SafetyRatingChanged ${key(s.envelope)} ${s.previousClass} -> ${s.newClass} ${s.direction}`,
  WatchStatusChanged: (w) =>
    `WatchStatusChanged ${key(w.envelope)} ` +
    `${nullable(w.previousStatus) ? '(start)' : w.previousStatus} -> ${w.status}: ${w.reason}`,
  SeriesRoundScored: (s) =>
    `SeriesRoundScored ${key(s.envelope)} series ${s.seriesId} round ${s.roundNumber}: ` +
    `${javaDouble(s.points)} points${s.isCounted ? ', counted' : ''} (${s.change})`,
};

/** Formats a decoded event of the record named `fullName` (e.g. io.pitwall.events.TrophyEarned). */
function formatEvent(fullName, event) {
  const name = String(fullName).split('.').pop();
  const format = formats[name];
  return format ? format(event) : `${name} ${JSON.stringify(event)}`;
}

module.exports = { formatEvent, instant, javaDouble, fixed1 };
