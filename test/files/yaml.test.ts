import {describe, expect, test, vi} from 'vitest';
import {MAX_PROBLEMS, loadYaml} from '../../source/files/yaml.js';
import {parseScenario} from '../../source/scenario/scenario.js';

const problems = (text: string): string[] => {
	const result = parseScenario(text, 'level.yaml');
	return result.ok ? [] : result.message.split('\n');
};

const HEAD = ['format: 1', 'protocol: leader', 'nodes: 3', 'inputs: "011"'];

describe('YAML aliases (issue 26 point 3): a clean file:line:col message, never a ReferenceError', () => {
	test('an alias without an anchor', () => {
		expect(problems([...HEAD, 'moves: *nope'].join('\n'))).toEqual(['level.yaml:5:8: alias *nope has no anchor &nope before it']);
	});

	test('an alias before its anchor', () => {
		expect(problems([...HEAD, 'moves: *m', 'setup: &m [start 1]'].join('\n'))).toEqual(['level.yaml:5:8: alias *m has no anchor &m before it']);
	});

	test('an alias inside its own anchor (a cycle)', () => {
		expect(problems([...HEAD, 'moves: &m [start 1, *m]'].join('\n'))).toEqual(['level.yaml:5:21: alias *m is inside its own anchor &m']);
	});

	test('a 3x3 alias nest is fine: small aliases are YAML', () => {
		const text = [...HEAD, 'x1: &a [start 1, start 2, start 3]', 'x2: &b [*a, *a, *a]', 'x3: &c [*b, *b, *b]'].join('\n');
		const loaded = loadYaml(text);
		expect(loaded.ok && (loaded.data as {x3: unknown[][]}).x3[2]![1]).toEqual(['start 1', 'start 2', 'start 3']);
		expect(problems(text)).toEqual([
			'level.yaml:5:1: x1: unknown field "x1" (known: format, id, title, story, protocol, protocolHash, rounds, nodes, inputs, f, allow, goal, par, hints, timeLimit, setup, moves, expect)',
			'level.yaml:6:1: x2: unknown field "x2" (known: format, id, title, story, protocol, protocolHash, rounds, nodes, inputs, f, allow, goal, par, hints, timeLimit, setup, moves, expect)',
			'level.yaml:7:1: x3: unknown field "x3" (known: format, id, title, story, protocol, protocolHash, rounds, nodes, inputs, f, allow, goal, par, hints, timeLimit, setup, moves, expect)',
		]);
	});

	test('a billion laughs stops at the alias that expands too far', () => {
		const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
		for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(', ')}]`);
		expect(problems([...HEAD, ...lines].join('\n'))).toEqual(['level.yaml:8:45: aliases expand to more than 10000 values: write the values out, or use fewer aliases']);
	});

	test('an alias is resolved to its anchor value', () => {
		const loaded = parseScenario([...HEAD, 'story: &s "Once upon a time"', 'title: *s'].join('\n'), 'x.yaml');
		expect(loaded).toMatchObject({ok: true, value: {file: {title: 'Once upon a time'}}});
	});
});

describe('duplicate keys (issue 26 point 5): found in linear time, reported at the key', () => {
	test('a duplicate key', () => {
		expect(problems([...HEAD, 'nodes: 4'].join('\n'))).toEqual(['level.yaml:5:1: duplicate key "nodes"']);
	});

	test('20,000 keys load; the report stops after a few problems', () => {
		// With the parser's uniqueKeys check this took minutes (quadratic); it now takes well under a
		// second. The test's time limit is the guard, far above the time it needs.
		const keys = Array.from({length: 20_000}, (_, i) => `k${i}: 1`);
		const lines = problems([...HEAD, ...keys].join('\n'));
		expect(lines).toHaveLength(MAX_PROBLEMS);
		expect(lines[0]).toBe('level.yaml:5:1: k0: unknown field "k0" (known: format, id, title, story, protocol, protocolHash, rounds, nodes, inputs, f, allow, goal, par, hints, timeLimit, setup, moves, expect)');
		expect(lines.at(-1)).toMatch(/^level\.yaml:14:1: k9: unknown field "k9" .* \(and 19990 more problems not shown\)$/);
	});

	test('many duplicate keys: the parser collects only a few', () => {
		const text = [...HEAD, ...Array.from({length: 10_000}, () => 'x: 1')].join('\n');
		const loaded = loadYaml(text);
		expect(loaded.ok ? [] : loaded.problems).toHaveLength(MAX_PROBLEMS);
	});
});

describe('odd YAML', () => {
	test('a complex key is a clean error, with no Node warning', () => {
		const warn = vi.spyOn(process, 'emitWarning');
		expect(problems([...HEAD, '? [a, b]', ': 1'].join('\n'))).toEqual(['level.yaml:5:3: a key must be plain text, not a list, a mapping or an alias']);
		expect(problems([...HEAD, '{x: 1}: 2'].join('\n'))).toEqual(['level.yaml:5:1: a key must be plain text, not a list, a mapping or an alias']);
		expect(warn).not.toHaveBeenCalled();
		warn.mockRestore();
	});

	test('deep nesting is refused at a depth, without recursion', () => {
		expect(problems([...HEAD, `moves: ${'['.repeat(200)}${']'.repeat(200)}`].join('\n'))).toEqual(['level.yaml:5:72: nested more than 64 levels deep']);
		expect(problems([...HEAD, `moves: ${'['.repeat(20_000)}${']'.repeat(20_000)}`].join('\n'))).toEqual([expect.stringMatching(/^level\.yaml:5:\d+: the file is nested too deeply to read$/)]);
	});

	test('__proto__ is an ordinary (unknown) key, not the prototype', () => {
		expect(problems([...HEAD, '__proto__: {polluted: 1}'].join('\n'))[0]).toContain('unknown field "__proto__"');
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});

	test('two documents in one file are refused', () => {
		expect(problems([...HEAD, '---', 'a: 1'].join('\n'))[0]).toMatch(/^level\.yaml:5:1: /);
	});
});

describe('an unclosed quote (issue 20): pointed at the line it opened on, not the end of the file', () => {
	test('double quote, in a scenario', () => {
		expect(problems(['format: 1', 'title: "Lab: break it', 'protocol: leader', 'nodes: 3', 'inputs: "011"'].join('\n'))).toEqual([
			'level.yaml:2:8: a double quote opened here is never closed',
		]);
	});

	test("single quote, with an escaped '' before it is left open", () => {
		const loaded = loadYaml(['a: 1', "b: 'it''s open", 'c: 2', ''].join('\n'));
		expect(loaded.ok ? [] : loaded.problems).toEqual([{line: 2, column: 4, message: 'a single quote opened here is never closed'}]);
	});

	test('in a challenge file', async () => {
		const {mkdtempSync, readFileSync, rmSync, writeFileSync} = await import('node:fs');
		const {join} = await import('node:path');
		const {tmpdir} = await import('node:os');
		const {readChallenge} = await import('../../source/challenge/challenge.js');
		const dir = mkdtempSync(join(tmpdir(), 'flp-quote-'));
		try {
			const path = join(dir, 'c.yaml');
			const text = readFileSync('scenarios/challenges/lab-break-and-stall.yaml', 'utf8').split('\n');
			text[2] = 'title: "Lab: break it';
			writeFileSync(path, text.join('\n'));
			const c = readChallenge(path);
			expect(c.ok ? '' : c.message).toBe(`${path}:3:8: a double quote opened here is never closed`);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
