import { clock } from '@/lib/in-page/call/session-timer';

/**
 * The in-call companion, drawn in its own `anteroom-call` element (open shadow root, px units):
 * a small pill with the connection quality and the session clock, and, only when needed, one
 * notice at a time — the end of the session nearing, "consider audio only", the agreed plan
 * when the connection drops, or what to close while sharing the screen. Contract text only;
 * never anything about the client.
 */
export interface CallViewState {
  quality: 'good' | 'fair' | 'poor' | 'unknown';
  bitrateKbps: number;
  elapsedS: number;
  remainingS: number;
  sessionMinutes: number;
  notice?: { kind: 'ending' | 'audio-only' | 'disrupted' | 'sharing'; title: string; lines: string[] };
}

// Colours are variables so the dark theme (prefers-color-scheme) swaps them in one place; text
// keeps WCAG AA contrast in both.
const STYLE = `
:host { all: initial; position: fixed; left: 12px; top: 12px; z-index: 2147483646; display: block;
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --fg: #1d232a; --bg: #ffffff; --line: #c9ced4; --btn: #f4f6f8; --btn-line: #8894a0; --accent: #234e70;
  --good: #1f6f43; --fair: #b07a00; --poor: #a11d1d; --idle: #8894a0; color: var(--fg); }
@media (prefers-color-scheme: dark) { :host { --fg: #e8ebee; --bg: #1f2429; --line: #4a545e; --btn: #2b3138; --btn-line: #7d8894;
  --accent: #9cc7ea; --good: #6fd39b; --fair: #f0c060; --poor: #ff9a9a; --idle: #7d8894; } }
.pill { display: inline-flex; gap: 8px; align-items: center; background: var(--bg); border: 1px solid var(--line); border-radius: 999px;
  padding: 4px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
.dot { width: 10px; height: 10px; border-radius: 50%; background: var(--idle); }
.good .dot { background: var(--good); } .fair .dot { background: var(--fair); } .poor .dot { background: var(--poor); }
.notice { margin-top: 8px; width: 320px; max-width: calc(100vw - 24px); background: var(--bg); border: 1px solid var(--line);
  border-left: 6px solid var(--accent); border-radius: 10px; padding: 10px 12px; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.notice.disrupted { border-left-color: var(--poor); } .notice.sharing { border-left-color: var(--poor); }
.notice strong { display: block; font-size: 14px; margin-bottom: 4px; }
.notice p { margin: 4px 0; }
button { font: inherit; padding: 3px 8px; border-radius: 6px; border: 1px solid var(--btn-line); background: var(--btn); color: var(--fg); cursor: pointer; }
button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
`;

const QUALITY_WORDS = { good: 'Connection good', fair: 'Connection fair', poor: 'Connection poor', unknown: 'Connection: measuring' };

export function renderCall(host: HTMLElement, root: ShadowRoot, state: CallViewState, onSilence: () => void): void {
  host.setAttribute('data-quality', state.quality);
  host.setAttribute('data-bitrate-kbps', String(Math.round(state.bitrateKbps)));
  host.setAttribute('data-elapsed-s', String(state.elapsedS));
  root.replaceChildren();
  const style = document.createElement('style');
  style.textContent = STYLE;
  const pill = document.createElement('div');
  pill.className = `pill ${state.quality}`;
  pill.setAttribute('role', 'status');
  pill.setAttribute('aria-label', `${QUALITY_WORDS[state.quality]}, ${Math.round(state.bitrateKbps)} kilobits per second; session ${clock(state.elapsedS)} of ${state.sessionMinutes} minutes`);
  const dot = document.createElement('span');
  dot.className = 'dot';
  const words = document.createElement('span');
  words.textContent = `${QUALITY_WORDS[state.quality]} · ${clock(state.elapsedS)} / ${state.sessionMinutes}:00`;
  pill.append(dot, words);
  root.append(style, pill);
  if (!state.notice) return;
  const notice = document.createElement('div');
  notice.className = `notice ${state.notice.kind}`;
  notice.setAttribute('role', state.notice.kind === 'disrupted' || state.notice.kind === 'sharing' ? 'alert' : 'status');
  notice.dataset.notice = state.notice.kind;
  const title = document.createElement('strong');
  title.textContent = state.notice.title;
  notice.append(title);
  for (const line of state.notice.lines) {
    const p = document.createElement('p');
    p.textContent = line;
    notice.append(p);
  }
  if (state.notice.kind === 'ending') {
    const silence = document.createElement('button');
    silence.type = 'button';
    silence.textContent = 'No more time notices';
    silence.dataset.testid = 'call-silence';
    silence.addEventListener('click', onSilence);
    notice.append(silence);
  }
  root.append(notice);
}
