import type {Protocol} from '../engine/protocol.js';
import {type Result, fail, ok} from '../engine/types.js';
import {benOr} from './ben-or.js';
import {leader} from './leader.js';
import {quorum} from './quorum.js';
import {waitAll} from './wait-all.js';

/** The built-in protocols, in the order menus list them. */
export const PROTOCOLS: readonly Protocol[] = [waitAll, quorum, leader, benOr];

export const protocolIds = (): string[] => PROTOCOLS.map(p => p.id);

export const findProtocol = (id: string): Protocol | undefined => PROTOCOLS.find(p => p.id === id);

/** A protocol by id, or the failure that names the choices: what the engine's `createSetup` is given. */
export function lookUpProtocol(id: string): Result<Protocol> {
	const protocol = findProtocol(id);
	return protocol ? ok(protocol) : fail('bad-protocol', `unknown protocol "${id}" (choose ${protocolIds().join(', ')})`);
}
