/**
 * The proof views' keys on the play screen, in one hook: `p` show the proof (Lemma 2 here), `l`
 * the Lemma 1 ladder, `d` on two messages the diamond, `i` a hint. It takes keys only while the
 * board is shown, asks the analysis service (once the position's own report is in, since the
 * service answers one request at a time), and gives back the full-screen view to show instead
 * of the play screen, and a notice for the line under the board.
 */
import {useInput} from 'ink';
import React, {useEffect, useState} from 'react';
import {factsLine, setupFacts} from '../engine/game.js';
import type {GoalSpec} from '../engine/goals.js';
import {formatMessage, parseMoves} from '../engine/notation.js';
import {type Session, current, targetOf} from '../engine/session.js';
import {type Message, type Move, sameMessage} from '../engine/types.js';
import type {AnalysisService} from '../worker/service.js';
import {DiamondView} from './diamond-view.js';
import {LadderView} from './ladder-view.js';
import {ProofView} from './proof-view.js';
import {useProof} from './use-proof.js';

export interface ProofKeysOptions {
	readonly service: AnalysisService;
	readonly session: Session;
	/** The pool row under the cursor, read when a key comes (it may be newer than the last render). */
	readonly cursor: () => number;
	/** Whether the board (not another overlay or prompt) has the keys. */
	readonly active: boolean;
	/** Whether the level shows hints (a challenge's `hints: full`): the views need them. */
	readonly hints: boolean;
	/** Whether the position's own report is in. */
	readonly ready: boolean;
	readonly goal?: GoalSpec;
	readonly colour: boolean;
	readonly rows: number;
	/** Play moves on the board (Enter in the proof view). */
	readonly onPlay: (moves: readonly Move[]) => void;
	/** Each use of a view or the hint key (a challenge records them). */
	readonly onHint?: () => void;
}

type View = 'proof' | 'ladder' | 'diamond' | 'hint' | undefined;

export interface ProofKeys {
	/** A view to show instead of the play screen, while one is open. */
	readonly overlay: React.JSX.Element | undefined;
	/** A sentence for the notice line (a hint, or why a key did nothing), until the next move. */
	readonly notice: string | undefined;
	/** The first message picked for the diamond, while the second is awaited. */
	readonly pick: Message | undefined;
	/** Take the notice away (Esc on the board with a hint showing). */
	readonly clearNotice: () => void;
}

/** What a Lemma 1 ladder is for: a find-ambiguous-start level, or the sandbox. */
const ladderAllowed = (goal: GoalSpec | undefined): boolean => goal === undefined || goal.kind === 'explore' || goal.kind === 'find-ambiguous-start';

export function useProofKeys(options: ProofKeysOptions): ProofKeys {
	const {service, session, cursor, active, hints, ready, goal, colour, rows} = options;
	const proof = useProof(service);
	const [view, setView] = useState<View>(undefined);
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const [pick, setPick] = useState<Message | undefined>(undefined);
	// A move (or undo, or a new target) ends a hint, a pick and any notice of ours.
	useEffect(() => {
		setNotice(undefined);
		setPick(undefined);
		setView(undefined);
		proof.clear();
		// Only a new position clears them.
	}, [session]);
	// The hint's answer goes to the notice line.
	useEffect(() => {
		if (view !== 'hint') return;
		if (proof.answer?.kind === 'hint') setNotice(`Hint: ${proof.answer.text}`);
		else if (proof.error) setNotice(`No hint: ${proof.error}`);
	}, [view, proof.answer, proof.error]);

	const c = current(session);
	const setup = c.setup;
	const open = (next: View, question: Parameters<typeof proof.ask>[1]): void => {
		options.onHint?.();
		setView(next);
		proof.ask(session, question);
	};

	useInput(
		input => {
			if (!['p', 'l', 'd', 'i'].includes(input)) return;
			if (!hints) return setNotice('This level plays without hints.');
			if (!ready) return setNotice('The analysis is still running; the proof views come with it.');
			const target = targetOf(session);
			switch (input) {
				case 'p':
					if (!target) return setNotice('The pool is empty: there is no target for Lemma 2.');
					return open('proof', {kind: 'argument', target: formatMessage(setup, target.message)});
				case 'l':
					if (!ladderAllowed(goal)) return setNotice('The ladder is for the Lemma 1 levels and the sandbox.');
					return open('ladder', {kind: 'ladder'});
				case 'i':
					setNotice('Hint: thinking…');
					return open('hint', {kind: 'hint', ...(target ? {target: formatMessage(setup, target.message)} : {}), ...(goal ? {goal} : {})});
				case 'd': {
					const entry = c.pool[cursor()];
					if (!entry) return setNotice('The pool is empty: nothing to compare.');
					if (!pick) {
						setPick(entry.message);
						return setNotice(`Diamond: m = ${formatMessage(setup, entry.message)}. Now pick m′ and press d (d on m again: cancel).`);
					}

					if (sameMessage(pick, entry.message)) {
						setPick(undefined);
						return setNotice('Diamond cancelled.');
					}

					setPick(undefined);
					setNotice(undefined);
					return open('diamond', {kind: 'diamond', m: formatMessage(setup, pick), mm: formatMessage(setup, entry.message)});
				}
			}
		},
		{isActive: active && view !== 'proof' && view !== 'ladder' && view !== 'diamond'},
	);

	const close = (): void => {
		setView(undefined);
		proof.clear();
	};

	let overlay: React.JSX.Element | undefined;
	const facts = factsLine({...setupFacts(setup), rounds: undefined, inputs: undefined});
	if (view === 'proof') {
		overlay = (
			<ProofView
				answer={proof.answer?.kind === 'argument' ? proof.answer : undefined}
				error={proof.error}
				colour={colour}
				rows={rows}
				onClose={close}
				onPlay={moves => {
					const parsed = parseMoves(setup, moves.join(';'));
					close();
					if (parsed.ok) options.onPlay(parsed.value);
				}}
			/>
		);
	} else if (view === 'ladder') {
		overlay = <LadderView answer={proof.answer?.kind === 'ladder' ? proof.answer : undefined} error={proof.error} facts={facts} colour={colour} rows={rows} onClose={close} />;
	} else if (view === 'diamond') {
		overlay = <DiamondView answer={proof.answer?.kind === 'diamond' ? proof.answer : undefined} error={proof.error} colour={colour} onClose={close} />;
	}

	return {overlay, notice, pick, clearNotice: () => setNotice(undefined)};
}
