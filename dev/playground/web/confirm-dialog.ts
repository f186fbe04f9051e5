import * as z from 'zod/mini';
import { html, trusted } from '../render/html';
import { type Names, renderMrkdwn, renderPlain } from '../render/mrkdwn';

/** What the renderer puts in `data-confirm`: a Block Kit confirm object, reduced to its texts. */
const ConfirmSchema = z.object({
  title: z.string(),
  text: z.object({ type: z.string(), text: z.string() }),
  confirm: z.string(),
  deny: z.string(),
  style: z.string(),
});

function parse(raw: string): z.infer<typeof ConfirmSchema> | undefined {
  try {
    const parsed = ConfirmSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Slack's confirm dialog: resolves true on confirm, false on deny, Escape or a click outside. */
export function confirmDialog(host: HTMLElement, raw: string, names: Names): Promise<boolean> {
  const confirm = parse(raw);
  if (!confirm) return Promise.resolve(true);
  const body = confirm.text.type === 'mrkdwn' ? renderMrkdwn(confirm.text.text, names) : renderPlain(confirm.text.text);
  host.innerHTML = html`<div class="confirm-layer"><div class="modal-backdrop" data-confirm-answer="no"></div>
<div class="confirm" role="alertdialog" aria-modal="true" data-testid="confirm-dialog">
<h2 class="confirm-title">${confirm.title}</h2><div class="confirm-text">${trusted(body)}</div>
<div class="modal-footer"><button type="button" class="btn" data-testid="confirm-deny" data-confirm-answer="no">${confirm.deny}</button><button type="button" class="btn ${confirm.style === 'danger' ? 'btn-danger' : 'btn-primary'}" data-testid="confirm-ok" data-confirm-answer="yes">${confirm.confirm}</button></div>
</div></div>`.value;
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      host.innerHTML = '';
      host.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey, true);
      resolve(answer);
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : undefined;
      const answer = target?.closest<HTMLElement>('[data-confirm-answer]')?.dataset.confirmAnswer;
      if (answer) done(answer === 'yes');
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        done(false);
      }
    };
    host.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey, true);
    host.querySelector<HTMLElement>('[data-confirm-answer="yes"]')?.focus();
  });
}
