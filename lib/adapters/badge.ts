import { browser } from 'wxt/browser';

/** Feedback on the toolbar button, for actions taken without the popup open. */
export interface Badge {
  /** Shows `text` for a few seconds. */
  flash(text: string, color: string, title: string): Promise<void>;
  /**
   * A standing warning from one source ("!" until that source clears it with null), so a
   * failing autosave never fails silently.
   */
  warn(source: string, title: string | null): Promise<void>;
}

const SHOW_FOR_MS = 4000;
const RED = '#cf222e';

export function browserBadge(): Badge {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const warnings = new Map<string, string>();
  let shownWarning: string | null = null;

  const show = (text: string, color: string, title: string) =>
    Promise.all([
      browser.action.setBadgeBackgroundColor({ color }),
      browser.action.setBadgeText({ text }),
      browser.action.setTitle({ title }),
    ]);
  const settle = async () => {
    const warning = warnings.values().next().value ?? null;
    if (warning === shownWarning && timer === undefined) return;
    shownWarning = warning;
    if (warning !== null) await show('!', RED, warning);
    else await show('', RED, 'Tabkeep');
  };

  return {
    async flash(text, color, title) {
      clearTimeout(timer);
      await show(text, color, title);
      timer = setTimeout(() => {
        timer = undefined;
        shownWarning = null;
        void settle();
      }, SHOW_FOR_MS);
    },
    async warn(source, title) {
      if (title === null) warnings.delete(source);
      else warnings.set(source, title);
      if (timer === undefined) await settle();
    },
  };
}
