/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4), written from the format
 * description rather than taken from the code under test: # HELP / # TYPE lines, samples
 * `name{label="value",…} value [timestamp]` with escaped label values, histogram and summary
 * families with their _bucket/_sum/_count/_created samples. Throws on anything malformed.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];

function parseValue(raw: string, line: number): number {
  // As Prometheus reads them (Go's ParseFloat): Inf and NaN in any letter case.
  if (/^\+?inf$/i.test(raw)) return Infinity;
  if (/^-inf$/i.test(raw)) return -Infinity;
  if (/^nan$/i.test(raw)) return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) throw new Error(`line ${line}: bad value ${raw}`);
  return Number(raw);
}

function parseLabels(text: string, line: number): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 0;
  for (;;) {
    while (text[i] === ' ') i++;
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) };
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`line ${line}: label without =`);
    const name = text.slice(i, eq).trim();
    if (!LABEL.test(name)) throw new Error(`line ${line}: bad label name ${name}`);
    if (name in labels) throw new Error(`line ${line}: duplicate label ${name}`);
    if (text[eq + 1] !== '"') throw new Error(`line ${line}: label value not quoted`);
    let value = '';
    let j = eq + 2;
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === '\\') {
        const next = text[++j];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`line ${line}: bad escape \\${next}`);
      } else value += text[j];
    }
    if (text[j] !== '"') throw new Error(`line ${line}: unterminated label value`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`line ${line}: expected , or } after label ${name}`);
  }
}

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const familyOf = (sample: string): Family | undefined => {
    if (families.has(sample)) return families.get(sample);
    const m = /^(.*)_(bucket|sum|count|created|total)$/.exec(sample);
    const f = m ? families.get(m[1]!) : undefined;
    if (f && (f.type === 'histogram' || f.type === 'summary' || (m![2] === 'total' && f.type === 'counter')))
      return f;
    return undefined;
  };
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  text
    .slice(0, -1)
    .split('\n')
    .forEach((raw, idx) => {
      const line = idx + 1;
      if (raw === '') return;
      if (raw.startsWith('#')) {
        const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw);
        if (!m) return; // other comments are allowed
        const [, kind, name, rest] = m as unknown as [string, string, string, string];
        if (!NAME.test(name)) throw new Error(`line ${line}: bad metric name ${name}`);
        const f = families.get(name) ?? { name, type: 'untyped' as const, help: '', samples: [] };
        if (kind === 'TYPE') {
          if (!TYPES.includes(rest)) throw new Error(`line ${line}: bad type ${rest}`);
          if (f.samples.length) throw new Error(`line ${line}: TYPE after samples of ${name}`);
          f.type = rest as Family['type'];
        } else f.help = rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
        families.set(name, f);
        return;
      }
      const nameEnd = raw.search(/[{ ]/);
      if (nameEnd <= 0) throw new Error(`line ${line}: not a sample: ${raw}`);
      const name = raw.slice(0, nameEnd);
      if (!NAME.test(name)) throw new Error(`line ${line}: bad metric name ${name}`);
      let rest = raw.slice(nameEnd);
      let labels: Record<string, string> = {};
      if (rest.startsWith('{')) ({ labels, rest } = parseLabels(rest.slice(1), line));
      const parts = rest.trim().split(/\s+/);
      if (parts.length < 1 || parts.length > 2 || parts[0] === '')
        throw new Error(`line ${line}: bad sample ${raw}`);
      if (parts[1] !== undefined && !/^-?\d+$/.test(parts[1])) throw new Error(`line ${line}: bad timestamp`);
      const value = parseValue(parts[0]!, line);
      let f = familyOf(name);
      if (!f) {
        f = { name, type: 'untyped', help: '', samples: [] };
        families.set(name, f);
      }
      if (f.type === 'histogram' && name.endsWith('_bucket') && labels.le === undefined)
        throw new Error(`line ${line}: histogram bucket without le`);
      f.samples.push({ name, labels, value });
    });
  for (const f of families.values()) {
    if (f.type !== 'histogram') continue;
    // Buckets are cumulative and end with +Inf equal to _count, per label set.
    const groups = new Map<string, Sample[]>();
    for (const s of f.samples.filter((x) => x.name.endsWith('_bucket'))) {
      const { le: _le, ...rest } = s.labels;
      const key = JSON.stringify(rest);
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const [key, buckets] of groups) {
      for (let i = 1; i < buckets.length; i++)
        if (buckets[i]!.value < buckets[i - 1]!.value)
          throw new Error(`${f.name}${key}: buckets not cumulative`);
      const inf = buckets.find((b) => b.labels.le === '+Inf');
      const count = f.samples.find(
        (s) => s.name === `${f.name}_count` && JSON.stringify(rest(s.labels)) === key,
      );
      if (!inf || !count || inf.value !== count.value)
        throw new Error(`${f.name}${key}: +Inf bucket != _count`);
    }
  }
  return families;
}

function rest(labels: Record<string, string>): Record<string, string> {
  const { le: _le, ...others } = labels;
  return others;
}

/** Sum of a family's samples named `sample` whose labels include `match`. */
export function valueOf(
  families: Map<string, Family>,
  family: string,
  match: Record<string, string> = {},
  sample = family,
): number {
  const f = families.get(family);
  if (!f) return 0;
  return f.samples
    .filter((s) => s.name === sample && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((n, s) => n + s.value, 0);
}
