import { useEffect, useRef, useState } from 'react';

import { useT } from '~/i18n/react';

const buttonClass =
  'self-start rounded-md border border-slate-700 px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

/**
 * Copies the text of the field `targetId` to the clipboard. Copying needs JavaScript, so
 * the button appears only once the page runs it; before that (and without JavaScript) the
 * field is read-only text to select by hand. The outcome is announced in a live region. When
 * the clipboard refuses (an insecure origin, a denied permission), the field's text is
 * selected instead so that Ctrl+C copies it.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<'copied' | 'select' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setReady(true);
    return () => clearTimeout(timer.current);
  }, []);

  async function copy() {
    const field = document.getElementById(targetId);
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    try {
      await navigator.clipboard.writeText(field.value);
      setStatus('copied');
    } catch {
      field.focus();
      field.select();
      setStatus('select');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(null), 6000);
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {ready ? (
        <button type="button" className={buttonClass} onClick={() => void copy()}>
          {label}
        </button>
      ) : null}
      <p role="status" className="text-sm text-slate-700">
        {status === 'copied' ? t('copy.done') : status === 'select' ? t('copy.selectInstead') : ''}
      </p>
    </div>
  );
}
