/**
 * The bench's frontier section: every game the sandbox offers at f = 1, analysed from its
 * initial configuration as `flp analyze` does (witnesses included), with a 5 s budget. The
 * protocols at n = 2..6 (ben-or with 1, 2 and 3 rounds), four behaviour sets (none, crash,
 * crash and lie, all three: each set holds the one before, so the last is the hardest), inputs
 * with floor(n/2) ones (X_floor(n/2) of Lemma 1): 6 x 5 x 4 = 120 setups. A setup counts as
 * exact when its answer is complete within the budget; the witness runs share that budget, and
 * `runs` says whether all came in (`cut`: the budget ran out while they were found).
 */
import {Analyzer} from '../engine/analysis.js';
import {lemmaInputs, newGame} from '../engine/game.js';
import {lookUpProtocol} from '../protocols/registry.js';

export interface FrontierSetup {
	readonly protocol: string;
	readonly rounds: number;
	readonly n: number;
	readonly allow: readonly string[];
	readonly inputs: string;
}

export interface FrontierRow extends FrontierSetup {
	readonly name: string;
	readonly label: string;
	/** The answer was complete within the budget (which is polled: up to `FRONTIER_GRACE_MS` over). */
	readonly exact: boolean;
	/** The answer was complete, within the budget or not. */
	readonly complete: boolean;
	/** The budget ran out while the witness runs of a complete answer were found: some are left out. */
	readonly witnessesCut: boolean;
	readonly states: number;
	readonly ms: number;
	/** Peak JS heap plus array buffers during the analysis, in MB. */
	readonly memoryMB: number;
}

export const FRONTIER_BUDGET_MS = 5000;
/** How far past the budget an answer may come and still count as within it: the search reads the clock every 1,024 states. */
export const FRONTIER_GRACE_MS = 100;
export const FRONTIER_ALLOW: ReadonlyArray<readonly string[]> = [[], ['crash'], ['crash', 'lie'], ['crash', 'lie', 'byzantine']];

export function frontierSetups(): FrontierSetup[] {
	const setups: FrontierSetup[] = [];
	for (const [protocol, rounds] of [['wait-all', 1], ['quorum', 1], ['leader', 1], ['ben-or', 1], ['ben-or', 2], ['ben-or', 3]] as const) {
		for (let n = 2; n <= 6; n++) {
			for (const allow of FRONTIER_ALLOW) setups.push({protocol, rounds, n, allow, inputs: lemmaInputs(n, Math.floor(n / 2))});
		}
	}

	return setups;
}

export const setupName = (s: FrontierSetup): string => `${s.protocol}${s.protocol === 'ben-or' ? `/r${s.rounds}` : ''} n=${s.n} ${s.allow.join(',') || 'none'}`;

function memoryMB(): number {
	const {heapUsed, arrayBuffers} = process.memoryUsage();
	return Math.round((heapUsed + arrayBuffers) / 1e6);
}

/** Analyse every setup (or those whose name contains `only`), printing a line for each. */
export function frontierSection(only?: string): FrontierRow[] {
	const rows: FrontierRow[] = [];
	console.log(`\nfrontier (f = 1, X_floor(n/2), ${FRONTIER_BUDGET_MS / 1000} s budget)   inputs  label      exact  runs     states       ms   mem MB`);
	for (const setup of frontierSetups()) {
		const name = setupName(setup);
		if (only && !name.includes(only)) continue;
		const game = newGame({protocol: setup.protocol, n: setup.n, inputs: setup.inputs, allow: setup.allow, rounds: setup.rounds, f: 1}, lookUpProtocol);
		if (!game.ok) throw new Error(game.message);
		globalThis.gc?.();
		let peak = memoryMB();
		let polls = 0;
		const started = performance.now();
		const result = new Analyzer().analyze(game.value, {
			shouldStop() {
				if (++polls % 64 === 0) peak = Math.max(peak, memoryMB());
				return performance.now() - started > FRONTIER_BUDGET_MS;
			},
		});
		const ms = Math.round(performance.now() - started);
		peak = Math.max(peak, memoryMB());
		const row: FrontierRow = {...setup, name, label: result.label, exact: result.complete && ms <= FRONTIER_BUDGET_MS + FRONTIER_GRACE_MS, complete: result.complete, witnessesCut: result.witnessesCut === true, states: result.states, ms, memoryMB: peak};
		rows.push(row);
		console.log(
			`${name.padEnd(44)} ${setup.inputs.padEnd(7)} ${row.label.padEnd(10)} ${(row.exact ? 'exact' : row.complete ? 'late' : 'no').padEnd(6)} ${(row.complete ? (row.witnessesCut ? 'cut' : 'all') : '-').padEnd(4)} ${String(row.states).padStart(10)} ${String(ms).padStart(8)} ${String(peak).padStart(8)}`,
		);
	}

	const exact = rows.filter(r => r.exact);
	console.log(`exact ${exact.length}/${rows.length} within ${FRONTIER_BUDGET_MS / 1000} s (${exact.filter(r => r.witnessesCut).length} of them with witness runs cut by the budget)`);
	return rows;
}
