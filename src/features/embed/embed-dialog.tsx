/** "Embed": the iframe code for the current view, ready to copy into a partner's page. */
import { useState } from 'react';
import { useUiStore } from '@/app/ui-store.ts';
import { getUrlState } from '@/app/url-store.ts';
import { embedCode, embedUrl } from '@/domain/embed.ts';
import { useMessages } from '@/i18n/i18n.ts';
import { Dialog } from '@/ui/dialog.tsx';

export function EmbedButton() {
  const t = useMessages();
  const announce = useUiStore((s) => s.announce);
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const appUrl = `${window.location.origin}${window.location.pathname}`;
  // Read when the dialog opens, so the code matches the view the reader is looking at.
  const code = open ? embedCode(embedUrl(appUrl, getUrlState()), t.embedFrameTitle) : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      announce(t.embedCopied);
    } catch {
      announce(t.linkCopyFailed);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setCopied(false);
          setOpen(true);
        }}
      >
        {t.embedOpen}
      </button>
      <Dialog open={open} title={t.embedTitle} closeLabel={t.close} onClose={() => setOpen(false)}>
        <p>{t.embedIntro}</p>
        <label className="block" htmlFor="embed-code">
          {t.embedCode}
        </label>
        <textarea
          id="embed-code"
          className="embed-code"
          readOnly
          rows={5}
          value={code}
          onFocus={(e) => e.currentTarget.select()}
        />
        <p>
          <button type="button" className="button" onClick={() => void copy()}>
            {t.embedCopy}
          </button>{' '}
          <span role="status">{copied ? t.embedCopied : ''}</span>
        </p>
        <p className="muted">{t.embedHelp}</p>
      </Dialog>
    </>
  );
}
