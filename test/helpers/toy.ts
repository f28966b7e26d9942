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

export function toyGame(inputs: readonly Bit[], allowed: readonly Behaviour[] = [], f = 1): Configuration {
	return initialConfiguration(makeSetup({protocol: selfish.instantiate(inputs.length, f, {}), inputs, allowed}));
}
