/**
 * A toy protocol for exact tests: each node outputs its own input at start and sends nothing.
 * With n = 2 and no corruption its whole configuration graph is four configurations.
 */
import {type Configuration, initialConfiguration, makeSetup} from '../../source/engine/configuration.js';
import type {Protocol} from '../../source/engine/protocol.js';
import type {Behaviour, Bit} from '../../source/engine/types.js';

export const selfish: Protocol = {
	id: 'selfish',
	title: 'output your own input',
	flaw: 'agreement, whenever inputs differ',
	hasRounds: false,
	instantiate: (n, f) => ({
		id: 'selfish',
		n,
		f,
		params: {rounds: 1},
		slots: [{name: 'note', values: ['0', '1']}],
		initialLocal: [],
		start: node => node.decide(node.input),
		receive() {},
		summary: node => (node.output === null ? 'waiting' : `said ${node.output}`),
		closed: () => false,
		role: () => 0,
	}),
};

/**
 * A toy protocol where the order of arrival matters at one node: each node sends its input and
 * decides the first value it hears (never its own), and keeps listening. Two messages to one
 * node then stay deliverable in either order and lead to different configurations.
 */
export const firstWins: Protocol = {
	id: 'first-wins',
	title: 'decide the first value heard',
	flaw: 'agreement, whenever inputs differ',
	hasRounds: false,
	instantiate: (n, f) => ({
		id: 'first-wins',
		n,
		f,
		params: {rounds: 1},
		slots: [{name: 'value', values: ['0', '1']}],
		initialLocal: [],
		start: node => node.broadcast(0, node.input),
		receive(node, _from, _slot, value) {
			if (node.output === null) node.decide(value as Bit);
		},
		summary: node => (node.output === null ? 'waiting' : `heard ${node.output}`),
		closed: () => false,
		role: () => 0,
	}),
};

/** The start of a game of a toy protocol. */
function startOf(protocol: Protocol, inputs: readonly Bit[], allowed: readonly Behaviour[], f: number): Configuration {
	return initialConfiguration(makeSetup({protocol: protocol.instantiate(inputs.length, f, {}), inputs, allowed}));
}

export const firstWinsGame = (inputs: readonly Bit[], allowed: readonly Behaviour[] = [], f = 1): Configuration => startOf(firstWins, inputs, allowed, f);

export const toyGame = (inputs: readonly Bit[], allowed: readonly Behaviour[] = [], f = 1): Configuration => startOf(selfish, inputs, allowed, f);
