/**
 * Fuzz inputs: the shipped scenario, challenge and result files, mutated (keys deleted, values of
 * the wrong type, nulls, huge numbers, deep nesting, aliases, duplicate keys, control
 * characters, binary garbage, huge files, many keys), and random command lines.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {stringify} from 'yaml';
import {instances, readChallenge} from '../../source/challenge/challenge.js';
import {hashSeed} from '../../source/challenge/random.js';
import {newRun, toResult} from '../../source/challenge/run.js';
import {COMMANDS, FLAGS} from '../../source/cli-flags.js';
import {MAX_FILE_BYTES} from '../../source/files/read.js';

const folder = (name: string): string[] =>
	readdirSync(join('scenarios', name))
		.filter(f => /\.ya?ml$/.test(f))
		.sort()
		.map(f => join('scenarios', name, f));

export const SCENARIOS = [...folder('campaign'), ...folder('solutions')];
export const CHALLENGE = 'scenarios/challenges/lab-break-and-stall.yaml';

/** A result file as the game writes it: a player who solved nothing, in time. */
export function shippedResult(): string {
	const challenge = readChallenge(CHALLENGE);
	if (!challenge.ok) throw new Error(challenge.message);
	const seed = hashSeed('fuzz');
	const made = instances(challenge.value, seed);
	if (!made.ok) throw new Error(made.message);
	return JSON.stringify(toResult(newRun(challenge.value, made.value, 'fuzz', seed), 60_000, true), null, 2);
}

const CONTROL = ['\u0000', '\u0007', '\u001b[2J', '\u001b]0;pwned\u0007', '\r', '\u007f', '\u009b', '\u202e', '\ufeff'];

/** Values of every wrong kind. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(null, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 4294967296, 0.5, '', ' ', 'choose', '011', true, false, [], [null], {}, {kind: null}, 'start 1', 'start 1; start 2'),
	fc.string({maxLength: 30}),
	fc.integer(),
	fc.double(),
	fc.array(fc.oneof(fc.string({maxLength: 10}), fc.integer(), fc.constant(null)), {maxLength: 5}),
	fc.constantFrom(...CONTROL).map(c => `x${c}y`),
	fc.nat(400).map(depth => {
		let v: unknown = 1;
		for (let i = 0; i < depth; i++) v = [v];
		return v;
	}),
	fc.constant('x'.repeat(10_000)),
);

type Json = Record<string, unknown>;

/** Mutations of the parsed value: each makes a changed copy. */
const valueMutation: fc.Arbitrary<(value: Json) => Json> = fc.oneof(
	fc.nat().map(i => (v: Json) => {
		const keys = Object.keys(v);
		const copy = {...v};
		if (keys.length > 0) delete copy[keys[i % keys.length]!];
		return copy;
	}),
	fc.tuple(fc.nat(), weird).map(([i, w]) => (v: Json) => {
		const keys = Object.keys(v);
		return keys.length > 0 ? {...v, [keys[i % keys.length]!]: w} : v;
	}),
	fc.tuple(fc.nat(), fc.nat(), weird).map(([i, j, w]) => (v: Json) => {
		// One level down: inside a list or mapping value.
		const keys = Object.keys(v);
		if (keys.length === 0) return v;
		const key = keys[i % keys.length]!;
		const inner = v[key];
		if (Array.isArray(inner) && inner.length > 0) return {...v, [key]: inner.map((x, k) => (k === j % inner.length ? w : x))};
		if (inner && typeof inner === 'object') {
			const innerKeys = Object.keys(inner);
			return innerKeys.length > 0 ? {...v, [key]: {...inner, [innerKeys[j % innerKeys.length]!]: w}} : v;
		}

		return v;
	}),
	fc.tuple(fc.string({maxLength: 12}), weird).map(([k, w]) => (v: Json) => ({...v, [k]: w})),
	fc.integer({min: 1, max: 20_000}).map(n => (v: Json) => {
		const copy = {...v};
		for (let i = 0; i < n; i++) copy[`k${i}`] = i;
		return copy;
	}),
);

/** Mutations of the text. */
const textMutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
	fc.tuple(fc.nat(), fc.constantFrom(...CONTROL)).map(([at, c]) => (t: string) => t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1))),
	fc.tuple(fc.nat(), fc.uint8Array({minLength: 1, maxLength: 64})).map(([at, bytes]) => (t: string) => {
		const i = at % (t.length + 1);
		return t.slice(0, i) + Buffer.from(bytes).toString('latin1') + t.slice(i);
	}),
	fc.nat().map(at => (t: string) => t.slice(0, at % (t.length + 1))),
	fc.nat().map(at => (t: string) => {
		// A line twice: a duplicate key (or item).
		const lines = t.split('\n');
		const i = at % lines.length;
		return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
	}),
	fc.constantFrom(
		(t: string) => `${t}\nextra: *nope\n`,
		(t: string) => `${t.replace(/^(\w+):/m, '$1: &a')}\n`,
		(t: string) => {
			const lines = ['l0: &l0 [a, a, a, a, a, a, a, a, a, a]'];
			for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array.from({length: 10}, () => `*l${i - 1}`).join(', ')}]`);
			return `${lines.join('\n')}\n${t}`;
		},
		(t: string) => `a: &a [1, 2, 3]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n${t}`,
		(t: string) => `x: &x [1, *x]\n${t}`,
		(t: string) => `? [complex, key]\n: 1\n${t}`,
		(t: string) => `${t}\n${'['.repeat(3000)}`,
		(t: string) => `${t}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`,
		(t: string) => `${t}\n# ${'x'.repeat(MAX_FILE_BYTES - t.length - 10)}\n`,
		(t: string) => `${t}\n---\nformat: 1\n`,
		(t: string) => `\ufeff${t}`,
		(t: string) => t.replace(/\n/g, '\r\n'),
		() => '',
		() => 'root:*:19000:0:99999:7:::\n',
	),
);

/** A mutated copy of a file's text: value mutations (written back as YAML or JSON), then text ones. */
export const mutatedText = (texts: readonly string[], parse: (text: string) => Json): fc.Arbitrary<string> =>
	fc
		.tuple(fc.constantFrom(...texts), fc.array(valueMutation, {maxLength: 3}), fc.boolean(), fc.array(textMutation, {maxLength: 2}))
		.map(([text, values, asJson, edits]) => {
			let out = text;
			if (values.length > 0) {
				let value = parse(text);
				for (const mutate of values) value = mutate(value);
				out = asJson ? JSON.stringify(value, null, 2) : stringify(value, {lineWidth: 0});
			}

			for (const edit of edits) out = edit(out);
			return out;
		});

export const readTexts = (paths: readonly string[]): string[] => paths.map(p => readFileSync(p, 'utf8'));

/** Random command lines: a command's words, then a mix of known flags, values and garbage. */
export const commandLine = (paths: {scenario: string; challenge: string; result: string; out: string}): fc.Arbitrary<string[]> => {
	const names = COMMANDS.map(c => c.name);
	const flagNames = Object.keys(FLAGS).map(f => `--${f}`);
	const token = fc.oneof(
		{weight: 4, arbitrary: fc.constantFrom(...flagNames)},
		{weight: 3, arbitrary: fc.constantFrom('3', '0', '-1', '', ' ', '99999999999999999999', '2.5', '1e3', 'x', '011', 'quorum', 'ben-or', 'crash', 'none', '- start 1', 'start 1; start 2', 'json', 'markdown', '--', '-h', '--help', '-', '--=', '--json=1', '--nodes=3', '--f=')},
		{weight: 2, arbitrary: fc.constantFrom(paths.scenario, paths.challenge, paths.result, '/nonexistent/x.yaml', paths.out)},
		// (No slashes: a value may be a path the command writes, and the run happens in a temporary
		// folder.)
		{weight: 1, arbitrary: fc.string({maxLength: 12}).map(s => s.replace(/[/\\]/g, '_'))},
		{weight: 1, arbitrary: fc.constantFrom(...CONTROL)},
	);
	return fc
		.tuple(fc.constantFrom(...names, 'nope'), fc.array(token, {maxLength: 8}))
		.map(([name, rest]) => [...(name === '' ? [] : name.split(' ')), ...rest]);
};
