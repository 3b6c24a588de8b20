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
  // What the button shows now, so a warning cleared again and again costs no calls.
  let shown = '';

  const show = async (text: string, color: string, title: string) => {
    shown = `${text}\n${title}`;
    await Promise.all([
      browser.action.setBadgeBackgroundColor({ color }),
      browser.action.setBadgeText({ text }),
      browser.action.setTitle({ title }),
    ]);
  };
  const showWarnings = async () => {
    const warning = warnings.values().next().value;
    const [text, title] = warning === undefined ? ['', 'Tabkeep'] : ['!', warning];
    if (shown !== `${text}\n${title}`) await show(text, RED, title);
  };

  return {
    async flash(text, color, title) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void showWarnings();
      }, SHOW_FOR_MS);
      await show(text, color, title);
    },
    async warn(source, title) {
      if (title === null) warnings.delete(source);
      else warnings.set(source, title);
      if (timer === undefined) await showWarnings();
    },
  };
}
