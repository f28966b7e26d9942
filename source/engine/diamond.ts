/**
 * The diamond of Figure 3: two pending messages m and m' delivered in both orders from the same
 * configuration, compared side by side. Two messages to different recipients commute: no node
 * can tell the order, and both orders reach the same configuration (the seed's Case 1). Two to
 * the same recipient r: only r sees the order, so the two configurations may differ, in r alone;
 * a byzantine (or crashed) r acts on neither, which hides the order (Case 2). Pure.
 */
import type {AnalysisLabel} from './analysis.js';
import {type Configuration, configKey, findInPool, nodeOf, nodeSummary} from './configuration.js';
import {applyLegal} from './moves.js';
import {deliverMove, messageName} from './oracle.js';
import {type Message, type Result, fail, ok, sameMessage} from './types.js';

export type DiamondCase = 'case-1' | 'case-2-hidden' | 'case-2-same' | 'case-2-differs';

export interface NodeDifference {
	readonly node: number;
	/** What differs, e.g. "decided 0 | decided 1" or the two state summaries. */
	readonly left: string;
	readonly right: string;
}

export interface Diamond {
	/** The configuration both orders start from (the seed's X). */
	readonly from: Configuration;
	readonly m: Message;
	readonly mm: Message;
	/** After m then m'. */
	readonly left: Configuration;
	/** After m' then m. */
	readonly right: Configuration;
	/** Both orders reach the same configuration (ages aside). */
	readonly same: boolean;
	/** The nodes whose state differs between the two orders (only ever the common recipient). */
	readonly differences: readonly NodeDifference[];
	readonly case: DiamondCase;
	/** Labels of the two ends, when the caller asked for them. */
	readonly labels?: {readonly left: AnalysisLabel; readonly right: AnalysisLabel};
	/** The case in two or three plain sentences. */
	readonly sentences: readonly string[];
}

function nodeText(c: Configuration, i: number): string {
	const node = nodeOf(c, i);
	if (node.corrupt) return `✗${node.corrupt}`;
	const output = node.output === null ? 'undecided' : `decided ${node.output}`;
	return `${output}, ${node.started ? nodeSummary(c, i) : 'not started'}`;
}

/**
 * Deliver m then m', and m' then m, from c and compare. A failure when m and m' are the same
 * message or either is not pending. `labelOf` (optional) labels both ends.
 */
export function diamond(c: Configuration, m: Message, mm: Message, labelOf?: (c: Configuration) => AnalysisLabel): Result<Diamond> {
	if (sameMessage(m, mm)) return fail('same-message', 'pick two different messages');
	for (const message of [m, mm]) {
		if (!findInPool(c, message)) return fail('not-pending', `${messageName(c, message)} is not pending`);
	}

	// Delivering one never removes the other (the pool is a set; a delivery removes only itself).
	const left = applyLegal(applyLegal(c, deliverMove(m)), deliverMove(mm));
	const right = applyLegal(applyLegal(c, deliverMove(mm)), deliverMove(m));
	const same = configKey(left) === configKey(right);
	const differences: NodeDifference[] = [];
	for (let i = 1; i <= c.setup.n; i++) {
		const a = nodeText(left, i);
		const b = nodeText(right, i);
		if (JSON.stringify(left.nodes[i - 1]) !== JSON.stringify(right.nodes[i - 1])) differences.push({node: i, left: a, right: b});
	}

	const r = m.to;
	const recipient = nodeOf(c, r).corrupt;
	const a = messageName(c, m);
	const b = messageName(c, mm);
	let kind: DiamondCase;
	const sentences: string[] = [];
	if (m.to !== mm.to) {
		kind = 'case-1';
		sentences.push(
			`${a} goes to node ${m.to} and ${b} to node ${mm.to}: a node knows only its input and what it has received, so neither can tell the order.`,
			'Both orders reach the same configuration (Case 1, r ≠ r′): the order cannot decide anything.',
		);
	} else if (recipient === 'byzantine' || recipient === 'crash') {
		kind = 'case-2-hidden';
		sentences.push(
			`Both go to node ${r}, which is ${recipient}: it acts on neither, so both orders reach the same configuration.`,
			recipient === 'byzantine'
				? `A byzantine node ${r} hides the order: the others cannot tell which came first (Case 2, r = r′).`
				: `A crashed node ${r} shows no order at all.`,
		);
	} else if (same) {
		kind = 'case-2-same';
		sentences.push(
			`Both go to node ${r}, which sees the order, yet either order leaves it in the same state.`,
			'So here the order decides nothing (Case 2, r = r′).',
		);
	} else {
		kind = 'case-2-differs';
		sentences.push(
			`Both go to node ${r}: only node ${r} sees the order, and it ends in a different state.`,
			`If node ${r} were byzantine it could act as if the other order had happened, and no other node could tell (Case 2, r = r′).`,
		);
	}

	const labels = labelOf ? {left: labelOf(left), right: labelOf(right)} : undefined;
	if (labels && labels.left !== labels.right && !same) {
		sentences.push(`${a} first gives ${labelWord(labels.left)}; ${b} first gives ${labelWord(labels.right)}: the order decides.`);
	}

	return ok({from: c, m, mm, left, right, same, differences, case: kind, ...(labels ? {labels} : {}), sentences});
}

const labelWord = (label: AnalysisLabel): string => (label === '0' || label === '1' ? `a ${label}-configuration` : label === 'none' ? 'no decision' : label);
