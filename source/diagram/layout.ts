/**
 * The picture of a run: a space-time (message sequence) diagram as plain data, shared by the
 * terminal view and the SVG writer (one layout, two renderers).
 *
 * One lane per node; time runs downward, one row per step: step s is the configuration after
 * the s-th move (step 0 is the initial configuration). A message's sending step is its age in
 * the pool, so each delivery is an arrow from the sender's lane at the step the message entered
 * the pool to the recipient's lane at the step it was delivered. The layout is computed by
 * replaying the moves with the engine's own `applyMove`, so it cannot disagree with the game.
 *
 * Pure: no clocks, no I/O, no React.
 */
import {type Configuration, findInPool, nodeOf} from '../engine/configuration.js';
import {applyMove} from '../engine/moves.js';
import {formatMessage, formatMove} from '../engine/notation.js';
import {type Behaviour, type Bit, type Message, type Move, type Result, fail, isStart, ok} from '../engine/types.js';

/** One lane: a node and its input. */
export interface Lane {
	readonly node: number;
	readonly input: Bit;
}

/** A protocol message delivered: drawn from (from, sent) to (to, delivered). */
export interface Arrow {
	readonly from: number;
	readonly to: number;
	/** The step the message entered the pool (its age). */
	readonly sent: number;
	/** The step that delivered it. */
	readonly delivered: number;
	readonly message: Message;
	/** What it carries, as people read it: `vote=1`. */
	readonly text: string;
	/** False when the recipient could do nothing with it (corrupt, or a repeat it ignores). */
	readonly effect: boolean;
	/** True when a byzantine node put it in the pool with a send move. */
	readonly byzantine: boolean;
}

/** A move that is not a protocol delivery, or what a move made happen, drawn on one lane. */
export type Mark =
	| {readonly kind: 'start'; readonly node: number; readonly step: number; readonly effect: boolean}
	| {readonly kind: 'decide'; readonly node: number; readonly step: number; readonly value: Bit}
	| {readonly kind: 'corrupt'; readonly node: number; readonly step: number; readonly behaviour: Behaviour}
	/** A byzantine send move: the message enters the pool at this step. */
	| {readonly kind: 'send'; readonly node: number; readonly step: number; readonly to: number; readonly text: string};

/** A pending message drawn as an arrow that has not arrived yet. */
export interface Dangling {
	readonly from: number;
	readonly to: number;
	readonly sent: number;
	readonly message: Message;
	/** `vote=1`, or `start` for a start message (from 0: no sender lane). */
	readonly text: string;
}

/** A row of the diagram: the move that made step `step`. */
export interface StepRow {
	readonly step: number;
	/** The move in notation. */
	readonly move: string;
	readonly kind: Move['kind'];
}

export interface RunLayout {
	readonly lanes: readonly Lane[];
	/** steps[i] is step i + 1. */
	readonly steps: readonly StepRow[];
	/** Deliveries of protocol messages, in the order they were delivered. */
	readonly arrows: readonly Arrow[];
	/** Every mark, by step, then lane. */
	readonly marks: readonly Mark[];
	/** The selected pending message, when one was asked for and is pending at the end. */
	readonly pending?: Dangling;
	/** The node's behaviour at the end (null: honest), for drawing its lane. */
	readonly corrupt: readonly (Behaviour | null)[];
}

export interface LayoutOptions {
	/** A pending message to draw as a dangling arrow (the cursor's, say). */
	readonly selected?: Message;
}

/** `vote=1`: what a message carries, without its recipient and sender. */
export function messageText(c: Configuration, m: Message): string {
	if (isStart(m)) return 'start';
	return formatMessage(c.setup, m).replace(/^\d+<\d+:/, '');
}

/**
 * Lay out the run from `initial` through `moves`. An illegal move is a failure that names it
 * (the same message `applyMoves` gives).
 */
export function layoutRun(initial: Configuration, moves: readonly Move[], options: LayoutOptions = {}): Result<RunLayout> {
	const lanes: Lane[] = initial.setup.inputs.map((input, i) => ({node: i + 1, input}));
	const steps: StepRow[] = [];
	const arrows: Arrow[] = [];
	const marks: Mark[] = [];
	/** Ids of messages a byzantine send put in the pool. */
	const injected = new Set<number>();
	let c = initial;
	for (const [i, move] of moves.entries()) {
		const step = c.step + 1;
		const entry = move.kind === 'deliver' ? findInPool(c, move.message) : undefined;
		const next = applyMove(c, move);
		if (!next.ok) return fail(next.code, `move ${i + 1}: ${next.message}`);
		const after = next.value;
		steps.push({step, move: formatMove(c.setup, move), kind: move.kind});
		if (move.kind === 'deliver' && entry) {
			const m = move.message;
			const effect = changed(c, after, m.to);
			if (isStart(m)) marks.push({kind: 'start', node: m.to, step, effect});
			else {
				arrows.push({
					from: m.from,
					to: m.to,
					sent: entry.age,
					delivered: step,
					message: m,
					text: messageText(c, m),
					effect,
					byzantine: injected.has(entry.id),
				});
			}
		} else if (move.kind === 'corrupt') {
			marks.push({kind: 'corrupt', node: move.node, step, behaviour: move.behaviour});
		} else if (move.kind === 'send') {
			const m = move.message;
			injected.add(findInPool(after, m)!.id);
			marks.push({kind: 'send', node: m.from, step, to: m.to, text: messageText(c, m)});
		}

		for (let k = 1; k <= c.setup.n; k++) {
			const output = nodeOf(after, k).output;
			if (output !== null && nodeOf(c, k).output === null) marks.push({kind: 'decide', node: k, step, value: output});
		}

		c = after;
	}

	const selected = options.selected ? findInPool(c, options.selected) : undefined;
	const pending: Dangling | undefined = selected
		? {from: selected.message.from, to: selected.message.to, sent: selected.age, message: selected.message, text: messageText(c, selected.message)}
		: undefined;
	return ok({
		lanes,
		steps,
		arrows,
		marks: marks.sort((a, b) => a.step - b.step || a.node - b.node || ORDER[a.kind] - ORDER[b.kind]),
		...(pending ? {pending} : {}),
		corrupt: c.nodes.map(node => node.corrupt),
	});
}

const ORDER: Record<Mark['kind'], number> = {corrupt: 0, start: 1, send: 2, decide: 3};

/** Whether a delivery changed anything at its recipient: its state, or what it sent. */
function changed(before: Configuration, after: Configuration, node: number): boolean {
	if (nodeOf(before, node) !== nodeOf(after, node)) return true;
	return after.pool.some(e => e.age === after.step);
}

/** The lane's state at a step: honest, or how it was corrupted by then; and its output. */
export function laneAt(layout: RunLayout, node: number, step: number): {corrupt: Behaviour | null; output: Bit | null} {
	let corrupt: Behaviour | null = null;
	let output: Bit | null = null;
	for (const mark of layout.marks) {
		if (mark.step > step) break;
		if (mark.node !== node) continue;
		if (mark.kind === 'corrupt') corrupt = mark.behaviour;
		if (mark.kind === 'decide') output = mark.value;
	}

	return {corrupt, output};
}
