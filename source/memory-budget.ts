/**
 * The memory budget of this process's analyses (`--budget-mb`, default DEFAULT_BUDGET_MB): the
 * most the analysis memo may hold, in `flp analyze`, `flp check`, `flp replay` and the game's
 * worker. Past it a search stops with what it found (`unknown` unless both decisions were found).
 * Set once by the command line before a command runs.
 */

/** 2 GB: a question too big for it ends as `unknown`, and a 24 GB machine shared with other work
 * (or a student's 8 GB laptop) keeps room to spare. Node itself and the screens add about 100 MB. */
export const DEFAULT_BUDGET_MB = 2048;

const MB = 1024 * 1024;
let budgetMb = DEFAULT_BUDGET_MB;

export function setMemoryBudget(mb: number | undefined): void {
	budgetMb = mb ?? DEFAULT_BUDGET_MB;
}

/** The budget in bytes, for `AnalysisOptions.maxBytes`. */
export const memoryBudgetBytes = (): number => budgetMb * MB;

export const memoryBudgetMb = (): number => budgetMb;
