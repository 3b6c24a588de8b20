import { t } from '@/lib/i18n';

/**
 * `label` ends with its ellipsis, as its language writes one ("Exporting…", "Export läuft …").
 * `fraction` null: under way, with no way to tell how far.
 */
export type Progress = { label: string; fraction: number | null } | null;

/** A labelled progress bar for long imports and exports; nothing when idle. */
export function ProgressLine({ progress }: { progress: Progress }) {
  if (progress === null) return null;
  return (
    <p class="progress">
      <label>
        {progress.label}{' '}
        <progress max={1} value={progress.fraction ?? undefined}>
          {progress.fraction === null
            ? ''
            : t('progressPercent', Math.round(progress.fraction * 100))}
        </progress>
      </label>
    </p>
  );
}
