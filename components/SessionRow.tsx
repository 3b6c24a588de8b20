import { useEffect, useRef, useState } from 'preact/hooks';
import { loginLine } from '@/lib/cookies/words';
import type { SessionSummary } from '@/lib/model';
import { MAX_NAME_LENGTH } from '@/lib/naming';
import type { RestoreMode } from '@/lib/restore/mode';
import { formatDate, formatDay, plural } from './format';
import { RestoreMenu } from './RestoreMenu';

interface Props {
  session: SessionSummary;
  /** Absent mode: new windows. */
  onRestore(session: SessionSummary, mode?: RestoreMode): void;
  /** Absent for autosaves and recovered sessions: they are kept (copied) instead. */
  onRename?(session: SessionSummary, name: string): Promise<boolean>;
  /** Copies an autosave or recovered session into a named session. */
  onKeep?(session: SessionSummary): void;
  onDelete(session: SessionSummary): void;
}

export function SessionRow({ session, onRestore, onRename, onKeep, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const meta = `${plural(session.windowCount, 'window')} · ${plural(session.tabCount, 'tab')} · ${formatDate(session.createdAt)}`;
  return (
    <li class="session" data-session-id={session.id}>
      <div class="session-text">
        {editing ? (
          <RenameField
            session={session}
            onDone={async (name) => {
              if (name === null || name === session.name || (await onRename?.(session, name))) {
                setEditing(false);
              }
            }}
          />
        ) : (
          <span
            class="session-name"
            title={session.name}
            onDblClick={() => onRename && setEditing(true)}
          >
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
          onClick={() => onRestore(session)}
          aria-label={`Restore ${session.name}`}
        >
          Restore
        </button>
        <RestoreMenu session={session} onRestore={onRestore} />
        {onRename && (
          <button
            type="button"
            onClick={() => setEditing(true)}
            aria-label={`Rename ${session.name}`}
          >
            Rename
          </button>
        )}
        {onKeep && (
          <button
            type="button"
            onClick={() => onKeep(session)}
            aria-label={`Keep ${session.name} as a named session`}
            title="Keep a copy as a named session"
          >
            Keep
          </button>
        )}
        <button
          type="button"
          class="danger"
          onClick={() => onDelete(session)}
          aria-label={`Delete ${session.name}`}
        >
          Delete
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
      aria-label={`New name for ${session.name}`}
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
