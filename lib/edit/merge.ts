import { UserError } from '../errors';
import type { WindowSnap } from '../model';
import { tidyWindows } from './tidy';

/** Every window of every session, in the order the sessions are given. */
export function mergeWindows(sessions: readonly (readonly WindowSnap[])[]): WindowSnap[] {
  if (sessions.length < 2) throw new UserError('errorMergeTooFew');
  return tidyWindows(sessions.flat());
}

/** "Merged: Work + Home + Reading", cut to the longest name a session may have. */
export function mergedName(names: readonly string[], maxLength: number): string {
  const name = `Merged: ${names.join(' + ')}`;
  return name.length <= maxLength ? name : `${name.slice(0, maxLength - 1)}…`;
}
