/**
 * Ask the analysis service a proof question about the session's position (show the proof, the
 * ladder, the diamond, a hint). One question at a time; asking again replaces the answer. The
 * service answers one request at a time, so the play screen asks only once the position's own
 * report is in.
 */
import {useCallback, useRef, useState} from 'react';
import {formatMoves} from '../engine/notation.js';
import {type Session, current} from '../engine/session.js';
import type {ProofAnswer, ProofQuestion} from '../worker/proof.js';
import type {AnalysisService} from '../worker/service.js';

/** Proof requests take ids from here up, apart from the position requests' (which start at 1). */
const FIRST_ID = 1_000_000_000;
let nextId = FIRST_ID;

export interface ProofState {
	/** The answer to the last question, once it is in. */
	readonly answer: ProofAnswer | undefined;
	/** Why the last question has no answer (the position could not be analysed). */
	readonly error: string | undefined;
	readonly busy: boolean;
	ask(session: Session, question: ProofQuestion): void;
	/** Forget the answer (the view was closed). */
	clear(): void;
}

export function useProof(service: AnalysisService): ProofState {
	const [answer, setAnswer] = useState<ProofAnswer | undefined>(undefined);
	const [error, setError] = useState<string | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	const asked = useRef(0);
	const ask = useCallback(
		(session: Session, question: ProofQuestion) => {
			const id = nextId++;
			asked.current = id;
			setAnswer(undefined);
			setError(undefined);
			setBusy(true);
			const moves = formatMoves(current(session).setup, session.moves);
			service.request(
				{id, spec: session.spec, moves, proof: question},
				{
					report(report) {
						if (asked.current !== report.id) return;
						setBusy(false);
						if (report.error) setError(report.error);
						else if (report.proof?.kind === 'error') setError(report.proof.message);
						else setAnswer(report.proof);
					},
				},
			);
		},
		[service],
	);
	const clear = useCallback(() => {
		asked.current = 0;
		setAnswer(undefined);
		setError(undefined);
		setBusy(false);
	}, []);
	return {answer, error, busy, ask, clear};
}
