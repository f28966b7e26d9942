/**
 * Run by engine tests in a node of its own (`--expose-gc --trace-opt --trace-deopt`): analyses,
 * each with a fresh analyzer that is garbage by the next one, as the bench and scenario checks
 * run them. Prints the states each explored; V8 prints what it optimized and deoptimized, and why.
 */
import {Analyzer} from '../../source/engine/analysis.js';
import {game} from './games.js';

const c = game({protocol: 'quorum', n: 5, inputs: '11100', allow: ['crash']});
const gc = (globalThis as {gc?: () => void}).gc;
if (!gc) throw new Error('run with --expose-gc');
for (let run = 0; run < 3; run++) {
	gc();
	const result = new Analyzer({symmetry: false, partialOrder: false}).analyze(c, {witnesses: false, maxStates: 200_000});
	console.log(`run ${run}: ${result.states} states`);
}
