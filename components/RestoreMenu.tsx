import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SessionSummary } from '@/lib/model';
import type { RestoreMode } from '@/lib/restore/mode';
import { plural } from './format';
import './restore-menu.css';

interface Props {
  session: SessionSummary;
  onRestore(session: SessionSummary, mode: RestoreMode): void;
  /** The row's roving tab stop (see SessionList). */
  tabIndex?: number;
}

const ITEMS: { label: string; mode: RestoreMode }[] = [
  { label: 'Replace current windows', mode: { kind: 'replace' } },
  { label: 'Add to current window', mode: { kind: 'current' } },
  { label: 'One window', mode: { kind: 'oneWindow' } },
];

/**
 * The other ways to restore a session, beside its Restore button: a menu button with a
 * keyboard-operable menu (arrows, Home, End, Escape). Replace asks first, inline.
 */
export function RestoreMenu({ session, onRestore, tabIndex }: Props) {
  const [open, setOpen] = useState(false);
  /** The number of windows Replace would close, while its confirmation shows. */
  const [replacing, setReplacing] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  const items = () => [...(menu.current?.querySelectorAll('button') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);
  useEffect(() => {
    if (replacing !== null) confirm.current?.focus();
  }, [replacing]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const choose = async (mode: RestoreMode) => {
    setOpen(false);
    if (mode.kind !== 'replace') {
      onRestore(session, mode);
      return;
    }
    const windows = await browser.windows.getAll({ windowTypes: ['normal'] });
    setReplacing(windows.length);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };

  return (
    <span class="restore-menu">
      <button
        type="button"
        ref={button}
        tabIndex={tabIndex}
        aria-label={`More restore options for ${session.name}`}
        title="More restore options"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ▾
      </button>
      {open && (
        <ul
          class="restore-options"
          role="menu"
          ref={menu}
          aria-label={`Restore options for ${session.name}`}
          onKeyDown={onMenuKey}
          onFocusOut={(e) => {
            // Focus leaving the menu (a click elsewhere) closes it.
            if (!menu.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
        >
          {ITEMS.map(({ label, mode }) => (
            <li role="none" key={mode.kind}>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void choose(mode)}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {replacing !== null && (
        <div
          class="confirm restore-confirm"
          role="alertdialog"
          aria-label={`Replace current windows with ${session.name}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setReplacing(null);
          }}
        >
          <p>
            Close the {plural(replacing, 'open window')} and restore “{session.name}”? What they
            hold is kept under Autosaves.
          </p>
          <button
            type="button"
            class="primary"
            ref={confirm}
            onClick={() => {
              setReplacing(null);
              onRestore(session, { kind: 'replace' });
            }}
          >
            Replace
          </button>{' '}
          <button type="button" onClick={() => setReplacing(null)}>
            Cancel
          </button>
        </div>
      )}
    </span>
  );
}
