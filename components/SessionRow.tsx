import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loginLine } from '@/lib/cookies/words';
import type { SessionSummary } from '@/lib/model';
import type { Section } from '@/lib/session-list';
import { MAX_NAME_LENGTH } from '@/lib/naming';
import type { RestoreMode } from '@/lib/restore/mode';
import { t } from '@/lib/i18n';
import { counted, formatDate, formatDay } from './format';
import { RestoreMenu } from './RestoreMenu';

export interface RowActions {
  /** Absent mode: new windows. */
  onRestore(session: SessionSummary, mode?: RestoreMode): void;
  onRename(session: SessionSummary, name: string): Promise<boolean>;
  /** Copies an autosave or recovered session into a named session. */
  onKeep(session: SessionSummary): void;
  onDelete(session: SessionSummary): void;
}

interface Props extends RowActions {
  session: SessionSummary;
  /** Autosaves and recovered sessions are kept (copied), not renamed. */
  section: Section;
  style?: JSX.CSSProperties;
  tabIndex: number;
  setSize: number;
  position: number;
  onFocus?(): void;
}

/**
 * One session. The row itself takes the focus (arrow keys move it, see SessionList):
 * Enter restores, Delete deletes, F2 renames.
 */
export function SessionRow({
  session,
  section,
  style,
  tabIndex,
  setSize,
  position,
  onFocus,
  onRestore,
  onRename,
  onKeep,
  onDelete,
}: Props) {
  const [editing, setEditing] = useState(false);
  const copyable = section !== 'named';
  const meta = `${counted(session.windowCount, 'Window')} · ${counted(session.tabCount, 'Tab')} · ${formatDate(session.createdAt)}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') onRestore(session);
    else if (e.key === 'Delete') onDelete(session);
    else if (e.key === 'F2' && !copyable) setEditing(true);
    else return;
    e.preventDefault();
  };
  return (
    <li
      class="session"
      data-session-id={session.id}
      data-section={section}
      style={style}
      tabIndex={tabIndex}
      aria-setsize={setSize}
      aria-posinset={position}
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target === e.currentTarget && onFocus?.()}
    >
      <div class="session-text">
        {editing ? (
          <RenameField
            session={session}
            onDone={async (name) => {
              if (name === null || name === session.name || (await onRename(session, name))) {
                setEditing(false);
              }
            }}
          />
        ) : (
          <span
            class="session-name"
            title={session.name}
            onDblClick={() => !copyable && setEditing(true)}
          >
            {session.favourite && (
              <span class="star" title={t('favourite')}>
                <span aria-hidden="true">★ </span>
                <span class="visually-hidden">{t('favourite')}: </span>
              </span>
            )}
            {session.name}
          </span>
        )}
        <span class="session-meta">{meta}</span>
        {session.cookies && (
          <span class="session-login">{loginLine(session.cookies, Date.now(), formatDay)}</span>
        )}
      </div>
      <div class="session-actions">
        <button
          type="button"
          tabIndex={tabIndex}
          onClick={() => onRestore(session)}
          aria-label={t('restoreLabel', session.name)}
        >
          {t('restoreButton')}
        </button>
        <RestoreMenu session={session} onRestore={onRestore} tabIndex={tabIndex} />
        {copyable ? (
          <button
            type="button"
            tabIndex={tabIndex}
            onClick={() => onKeep(session)}
            aria-label={t('keepLabel', session.name)}
            title={t('keepTitle')}
          >
            {t('keep')}
          </button>
        ) : (
          <button
            type="button"
            tabIndex={tabIndex}
            onClick={() => setEditing(true)}
            aria-label={t('renameLabel', session.name)}
          >
            {t('rename')}
          </button>
        )}
        <button
          type="button"
          tabIndex={tabIndex}
          class="danger"
          onClick={() => onDelete(session)}
          aria-label={t('deleteLabel', session.name)}
        >
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

/** Enter keeps the new name, Escape (or leaving an unchanged field) cancels. */
function RenameField({
  session,
  onDone,
}: {
  session: SessionSummary;
  onDone(name: string | null): Promise<void>;
}) {
  const [value, setValue] = useState(session.name);
  const input = useRef<HTMLInputElement>(null);
  // Enter and the blur that follows it must not rename twice.
  const settled = useRef(false);
  useEffect(() => input.current?.select(), []);
  const finish = (name: string | null) => {
    if (settled.current) return;
    settled.current = true;
    void onDone(name).finally(() => {
      settled.current = false;
    });
  };
  return (
    <input
      type="text"
      class="rename"
      aria-label={t('newNameLabel', session.name)}
      maxLength={MAX_NAME_LENGTH}
      value={value}
      ref={input}
      onInput={(e) => setValue(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(value);
        if (e.key === 'Escape') {
          e.preventDefault();
          finish(null);
        }
      }}
      onBlur={() => finish(value)}
    />
  );
}
