/** The shipped campaign: scenarios/campaign/*.yaml in file-name order. */
import {readdirSync, realpathSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {type Loaded, readScenario} from './scenario.js';

/** The package's scenarios folder (beside source/ and dist/). */
export const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));
export const CAMPAIGN = join(SCENARIOS, 'campaign');

export interface CampaignLevel {
	readonly path: string;
	readonly loaded?: Loaded;
	/** Why the file could not be loaded (a shipped file should never have one). */
	readonly problem?: string;
}

export function loadCampaign(folder = CAMPAIGN): CampaignLevel[] {
	const names = readdirSync(folder).filter(name => /\.(ya?ml|json)$/.test(name)).sort();
	return names.map(name => {
		const path = join(folder, name);
		const loaded = readScenario(path);
		return loaded.ok ? {path, loaded: loaded.value} : {path, problem: loaded.message};
	});
}

const real = (path: string): string | undefined => {
	try {
		return realpathSync(path);
	} catch {
		return undefined;
	}
};

/** The campaign's own loaded file when `path` is one of its levels (by real path), else nothing. */
export function campaignFile(path: string, campaign: readonly CampaignLevel[]): Loaded['file'] | undefined {
	const target = real(path);
	if (target === undefined) return undefined;
	return campaign.find(level => level.loaded && real(level.path) === target)?.loaded?.file;
}
