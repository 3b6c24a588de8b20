import { useState } from 'preact/hooks';
import { MAX_NAME_LENGTH } from '@/lib/naming';

interface Props {
  onSave(name: string): Promise<boolean>;
}

/** "Save session" with an optional name; the default name is chosen by the service. */
export function SaveForm({ onSave }: Props) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const saved = await onSave(name);
    setBusy(false);
    if (saved) setName('');
  };
  return (
    <form class="save-form" onSubmit={submit}>
      <input
        type="text"
        aria-label="Session name (optional)"
        placeholder="Name (optional)"
        maxLength={MAX_NAME_LENGTH}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={busy}>
        Save session
      </button>
    </form>
  );
}
