import type { RawBrowserState } from '../capture/raw';
import { t } from '../i18n';
import type { RestoreOutcome, RestorePlan } from './plan';

export interface ReplaceSteps {
  /** The normal windows open now. */
  openWindowIds(): Promise<number[]>;
  /** Keeps what the open windows hold (an autosave); throws when it cannot. */
  keep(): Promise<void>;
  restore(): Promise<RestoreOutcome>;
  closeWindow(id: number): Promise<void>;
}

export interface ReplaceOutcome extends RestoreOutcome {
  closedWindows: number;
}

/**
 * Replace the open windows with a session: keep what they hold, open the session, and only
 * once all of its windows exist close the ones that were open before. Nothing is closed
 * when the keeping or any window of the session failed.
 */
export async function replaceWindows(
  plan: RestorePlan,
  steps: ReplaceSteps,
): Promise<ReplaceOutcome> {
  const old = await steps.openWindowIds();
  await steps.keep();
  const outcome = await steps.restore();
  if (outcome.windows < plan.windows.length) {
    return {
      ...outcome,
      closedWindows: 0,
      warnings: [...outcome.warnings, t('warningReplaceKeptOpen')],
    };
  }
  let closedWindows = 0;
  for (const id of old) {
    try {
      await steps.closeWindow(id);
      closedWindows++;
    } catch {
      // Closed meanwhile by the person: what was to happen happened.
    }
  }
  return { ...outcome, closedWindows };
}

/** The windows a replace closes: every normal one the extension sees. */
export function normalWindowIds(state: RawBrowserState): number[] {
  return state.windows.flatMap((w) =>
    w.id !== undefined && (w.type ?? 'normal') === 'normal' ? [w.id] : [],
  );
}
