import {
  GROUP_COLORS,
  WINDOW_STATES,
  type GroupColor,
  type WindowSnap,
  type WindowState,
} from './model';

/*
 * A browser's own values (as the browser reports them, or as another tool saved them)
 * -> the values of our model. Pure; shared by capture and the importers.
 */

export type Bounds = Pick<WindowSnap, 'left' | 'top' | 'width' | 'height'>;

/** Whole-pixel bounds, leaving out any that are missing or not finite. */
export function toBounds(win: Partial<Record<keyof Bounds, unknown>>): Bounds {
  const out: Bounds = {};
  for (const key of ['left', 'top', 'width', 'height'] as const) {
    const value = win[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = Math.round(value);
  }
  return out;
}

export function toWindowState(state: string | undefined): WindowState {
  if (state === 'locked-fullscreen') return 'fullscreen';
  return (WINDOW_STATES as readonly string[]).includes(state ?? '')
    ? (state as WindowState)
    : 'normal';
}

/** A color our groups know, else grey. */
export function toGroupColor(color: string | undefined): GroupColor {
  return (GROUP_COLORS as readonly string[]).includes(color ?? '') ? (color as GroupColor) : 'grey';
}
