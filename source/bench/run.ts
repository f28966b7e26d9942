/**
 * `npm run bench`: a fixed suite of analyses, each reporting configurations explored, wall
 * time, configurations per second and peak heap; then every shipped level played through as
 * the game does (first answer, then one answer per move). A table on stdout, and
 * bench/results.json. Method and results: docs/performance.md.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Analyzer} from '../engine/analysis.js';
import {lemmaInputs, newGame} from '../engine/game.js';
import {formatMoves} from '../engine/notation.js';
import {SCENARIOS, loadCampaign} from '../scenario/campaign.js';
import {playFile, readScenario} from '../scenario/scenario.js';
import {PositionAnalyst} from '../worker/position.js';
import {findProtocol, lookUpProtocol} from '../protocols/registry.js';
import {frontierSection} from './frontier.js';
import {previewSection, printPreviews} from './previews.js';
import {printStartup, startupSection} from './startup.js';

/**
 * Huge pages. A large memo is read at random, and with 4 KB pages most of those reads also miss
 * the TLB. glibc's `hugetlb` tunable makes malloc, which holds Node's typed arrays, ask Linux for
 * transparent huge pages (granted where THP is `madvise` or `always`). A tunable is read only when
 * a process starts, so the bench starts itself again with it, on Linux, unless
 * BENCH_HUGE_PAGES=0 or GLIBC_TUNABLES is already set. docs/performance.md has the difference.
 */
const HUGE_PAGES = 'glibc.malloc.hugetlb=1';
if (process.platform === 'linux' && process.env['BENCH_HUGE_PAGES'] !== '0' && process.env['GLIBC_TUNABLES'] === undefined) {
	const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {stdio: 'inherit', env: {...process.env, GLIBC_TUNABLES: HUGE_PAGES}});
	process.exit(again.status ?? 1);
}

const hugePages = process.env['GLIBC_TUNABLES']?.includes(HUGE_PAGES) ?? false;
console.log(`huge pages for the memo: ${hugePages ? `asked for (GLIBC_TUNABLES=${HUGE_PAGES})` : 'not asked for'}`);

const BUDGET_MS = Number(process.env['BENCH_BUDGET_MS'] ?? 20_000);
/** Which sections to run, e.g. BENCH_SECTIONS=raw (default: all). */
const KNOWN_SECTIONS = ['analyses', 'raw', 'play', 'previews', 'startup', 'frontier'];
const SECTIONS = new Set((process.env['BENCH_SECTIONS'] ?? KNOWN_SECTIONS.join(',')).split(',').map(name => name.trim()));
for (const name of SECTIONS) {
	if (!KNOWN_SECTIONS.includes(name)) {
		console.error(`BENCH_SECTIONS: unknown section "${name}" (known: ${KNOWN_SECTIONS.join(', ')})`);
		process.exit(2);
	}
}

/** Whether a protocol takes the rounds parameter (the bench runs those with 1 and 2 rounds). */
const takesRounds = (id: string): boolean => findProtocol(id)?.hasRounds ?? false;

interface Case {
	readonly protocol: string;
	readonly n: number;
	readonly allow: readonly string[];
	readonly rounds: number;
}

const cases: Case[] = [];
for (const protocol of ['wait-all', 'quorum', 'leader', 'ben-or']) {
	for (const n of [3, 4, 5]) {
		for (const allow of [[], ['crash'], ['byzantine']]) {
			for (const rounds of takesRounds(protocol) ? [1, 2] : [1]) {
				if (n === 5 && (protocol === 'ben-or' || allow[0] === 'byzantine')) continue; // not feasible yet
				cases.push({protocol, n, allow, rounds});
			}
		}
	}
}

interface Row {
	readonly name: string;
	readonly inputs: string;
	readonly label: string;
	readonly complete: boolean;
	readonly states: number;
	readonly ms: number;
	readonly perSecond: number;
	/** Peak JS heap plus array buffers, in MB. */
	readonly memoryMB: number;
}

/** Memory in use: the JS heap and the typed arrays outside it (the memo lives there). */
function heapMB(): number {
	const {heapUsed, arrayBuffers} = process.memoryUsage();
	return Math.round((heapUsed + arrayBuffers) / 1e6);
}

const rows: Row[] = [];
if (SECTIONS.has('analyses')) console.log('name                               inputs  label      states     ms       states/s   mem MB');
for (const c of SECTIONS.has('analyses') ? cases : []) {
	for (let i = 0; i <= c.n; i++) {
		const inputs = lemmaInputs(c.n, i);
		const g = newGame({protocol: c.protocol, n: c.n, inputs, allow: c.allow, rounds: c.rounds}, lookUpProtocol);
		if (!g.ok) throw new Error(g.message);
		globalThis.gc?.();
		const started = performance.now();
		let peak = heapMB();
		let polls = 0;
		const result = new Analyzer().analyze(g.value, {
			witnesses: false,
			shouldStop() {
				if (++polls % 64 === 0) peak = Math.max(peak, heapMB());
				return performance.now() - started > BUDGET_MS;
			},
		});
		const ms = performance.now() - started;
		peak = Math.max(peak, heapMB());
		const name = `${c.protocol}${takesRounds(c.protocol) ? `/r${c.rounds}` : ''} n=${c.n} allow=${c.allow.join(',') || 'none'}`;
		const row = {name, inputs, label: result.label, complete: result.complete, states: result.states, ms: Math.round(ms), perSecond: Math.round(result.states / (ms / 1000)), memoryMB: peak};
		rows.push(row);
		console.log(
			`${name.padEnd(34)} ${inputs.padEnd(7)} ${`${row.label}${row.complete ? '' : '?'}`.padEnd(10)} ${String(row.states).padStart(9)} ${String(row.ms).padStart(7)} ${String(row.perSecond).padStart(12)} ${String(row.memoryMB).padStart(8)}`,
		);
	}
}

/**
 * Raw exploration: large fixed cases with symmetry off, so every state is a distinct one. Each
 * runs three times from a fresh memo (the machine is shared and noisy): the median and the best.
 */
interface RawRow {
	readonly name: string;
	readonly states: number;
	/** Wall times of the runs, in ms. */
	readonly runsMs: readonly number[];
	readonly medianPerSecond: number;
	readonly bestPerSecond: number;
}

const RAW_RUNS = 3;
const raw: RawRow[] = [];
if (SECTIONS.has('raw')) console.log('\nraw exploration (symmetry off, 3 runs)      states   median ms   median states/s   best states/s');
for (const [protocol, n, inputs, allow, rounds] of [
	['wait-all', 5, '11000', [], 1],
	['quorum', 5, '11100', ['crash'], 1],
	['ben-or', 3, '110', ['byzantine'], 2],
	['ben-or', 4, '1100', ['byzantine'], 1],
] as const) {
	if (!SECTIONS.has('raw')) break;
	const g = newGame({protocol, n, inputs, allow, rounds}, lookUpProtocol);
	if (!g.ok) throw new Error(g.message);
	const runsMs: number[] = [];
	let states = 0;
	for (let run = 0; run < RAW_RUNS; run++) {
		globalThis.gc?.();
		const started = performance.now();
		const result = new Analyzer({symmetry: false}).analyze(g.value, {witnesses: false, maxStates: 1_500_000});
		runsMs.push(Math.round(performance.now() - started));
		states = result.states;
	}

	const sorted = [...runsMs].sort((x, y) => x - y);
	const median = sorted[Math.floor(sorted.length / 2)]!;
	const row: RawRow = {
		name: `${protocol}${takesRounds(protocol) ? `/r${rounds}` : ''} n=${n} ${inputs} ${allow.join(',') || 'none'}`,
		states,
		runsMs,
		medianPerSecond: Math.round(states / (median / 1000)),
		bestPerSecond: Math.round(states / (sorted[0]! / 1000)),
	};
	raw.push(row);
	console.log(
		`${row.name.padEnd(40)} ${String(states).padStart(10)} ${String(median).padStart(11)} ${String(row.medianPerSecond).padStart(17)} ${String(row.bestPerSecond).padStart(15)}`,
	);
}

/** Play each shipped level's solution as the game does: one report per position. */
interface PlayRow {
	readonly level: string;
	readonly firstMs: number;
	readonly laterP95Ms: number;
	readonly laterMaxMs: number;
	readonly answers: number;
}

const play: PlayRow[] = [];
if (SECTIONS.has('play')) console.log('\nlevel (its solution, as played)          first ms  later p95 ms  later max ms  answers');
for (const level of SECTIONS.has('play') ? loadCampaign() : []) {
	const name = level.path.split('/').at(-1)!;
	const solution = readScenario(join(SCENARIOS, 'solutions', name));
	if (!solution.ok) continue;
	const played = playFile(solution.value.file);
	if (!played.ok) continue;
	const {session, start, goal} = played.value;
	const spec = {...session.spec, allow: [...session.spec.allow]};
	const moves = formatMoves(session.configs[0]!.setup, session.moves);
	const analyst = new PositionAnalyst();
	const times: number[] = [];
	for (let k = start; k <= moves.length; k++) {
		const t = performance.now();
		analyst.report({id: k, spec, moves: moves.slice(0, k), goal: {spec: goal, start}});
		times.push(performance.now() - t);
	}

	const later = times.slice(1).sort((a, b) => a - b);
	const p95 = later.length > 0 ? later[Math.min(later.length - 1, Math.ceil(later.length * 0.95) - 1)]! : 0;
	const row = {level: name, firstMs: Math.round(times[0]!), laterP95Ms: Math.round(p95 * 10) / 10, laterMaxMs: Math.round((later.at(-1) ?? 0) * 10) / 10, answers: times.length};
	play.push(row);
	console.log(`${name.padEnd(40)} ${String(row.firstMs).padStart(8)} ${String(row.laterP95Ms).padStart(13)} ${String(row.laterMaxMs).padStart(13)} ${String(row.answers).padStart(8)}`);
}

const previews = SECTIONS.has('previews') ? previewSection() : undefined;
if (previews) printPreviews(previews);

const startup = SECTIONS.has('startup') ? startupSection() : [];
if (SECTIONS.has('startup')) printStartup(startup);

/** The frontier: every sandbox game at f = 1 (BENCH_FRONTIER=text runs only those whose name holds it). */
const frontier = SECTIONS.has('frontier') ? frontierSection(process.env['BENCH_FRONTIER']) : [];

const out = fileURLToPath(new URL('../../bench', import.meta.url));
mkdirSync(out, {recursive: true});
const results = {date: new Date().toISOString(), node: process.version, hugePages, budgetMs: BUDGET_MS, sections: [...SECTIONS], analyses: rows, raw, play, ...(previews ? {previews} : {}), startup, frontier};
writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten ${join(out, 'results.json')}`);
