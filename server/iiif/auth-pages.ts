/**
 * The two HTML pages of the flow. Each carries its own Content-Security-Policy with a per-response nonce for its one
 * inline script, so the app's CSP (no inline script, frame-ancestors 'none') stays as it is everywhere else.
 *
 * - Access service page (a window the outside viewer opens): sign in if needed, then the user explicitly allows the
 *   named origin; the page sets the access cookie through a same-origin POST and closes itself. It may not be framed
 *   (no clickjacking of the consent button).
 * - Token service page (an iframe of the viewer): posts exactly one message to window.parent, addressed to the origin
 *   the viewer named — postMessage's target origin, not the framing rule, is what keeps the token from other pages,
 *   so it may be framed by anyone (frame-ancestors *).
 */
import crypto from 'node:crypto';

export const newNonce = () => crypto.randomBytes(16).toString('base64');

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside <script>: no `</script>` or `<!--` can end the element early. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function accessPageCsp(nonce: string): string {
  return [
    "default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, "connect-src 'self'",
    "form-action 'none'", "base-uri 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

export function tokenPageCsp(nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, "base-uri 'none'", 'frame-ancestors *'].join('; ');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin:.5rem 0}input{display:block;width:100%;padding:.4rem;font:inherit}
button{margin-top:1rem;padding:.5rem 1rem;font:inherit}.err{color:#b00020}.origin{font-family:monospace}`;

export interface AccessPageInput {
  nonce: string;
  centreName: string;
  /** The viewer's origin, already checked against IIIF_AUTH_ORIGINS; null = refused (the page only explains). */
  origin: string | null;
  refusal?: string;
  signedInAs: string | null;
  csrfToken: string | null;
  grantPath: string;
}

export function accessPage(i: AccessPageInput): string {
  const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Cho phép trình xem IIIF — ${esc(i.centreName)}</title><style nonce="${i.nonce}">${STYLE}</style></head><body>
<h1>Xem tài liệu từ trang bên ngoài</h1>`;
  if (!i.origin) return `${head}<p class="err" role="alert">${esc(i.refusal ?? 'Yêu cầu không hợp lệ.')}</p></body></html>`;
  const cfg = { origin: i.origin, csrfToken: i.csrfToken, grantPath: i.grantPath };
  return `${head}
<p>Trang <strong class="origin">${esc(i.origin)}</strong> muốn hiển thị các tài liệu số hóa mà <em>tài khoản của bạn</em> được phép xem
(kể cả tài liệu hạn chế sử dụng đã được cấp quyền). Trang đó không biết mật khẩu của bạn và chỉ nhận một mã truy cập ngắn hạn.</p>
${i.signedInAs
    ? `<p>Bạn đang đăng nhập là <strong>${esc(i.signedInAs)}</strong>.</p><button id="allow" type="button">Cho phép trang này xem</button>`
    : `<form id="login"><label>Tên đăng nhập<input name="username" autocomplete="username" required maxlength="100"></label>
<label>Mật khẩu<input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
<button type="submit">Đăng nhập và cho phép trang này xem</button></form>`}
<p id="msg" role="status"></p>
<script type="application/json" id="cfg">${scriptJson(cfg)}</script>
<script nonce="${i.nonce}">
(function () {
  var cfg = JSON.parse(document.getElementById('cfg').textContent);
  var msg = document.getElementById('msg');
  function say(text, bad) { msg.textContent = text; msg.className = bad ? 'err' : ''; }
  async function errorOf(r) { try { return (await r.json()).error.message; } catch (e) { return 'Lỗi ' + r.status; } }
  async function allow(csrf) {
    var r = await fetch(cfg.grantPath, { method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ origin: cfg.origin }) });
    if (!r.ok) return say(await errorOf(r), true);
    say('Đã cho phép. Cửa sổ này sẽ tự đóng; nếu không, bạn có thể đóng nó.');
    window.close();
  }
  var btn = document.getElementById('allow');
  if (btn) btn.addEventListener('click', function () { allow(cfg.csrfToken); });
  var form = document.getElementById('login');
  if (form) form.addEventListener('submit', async function (e) {
    e.preventDefault();
    var r = await fetch('/api/auth/login', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: form.username.value, password: form.password.value }) });
    if (!r.ok) return say(await errorOf(r), true);
    await allow((await r.json()).csrfToken);
  });
})();
</script></body></html>`;
}

/** The token service's page: one postMessage (AuthAccessToken2 or AuthAccessTokenError2) to the named origin. */
export function tokenPage(nonce: string, message: object, targetOrigin: string | null): string {
  const send = targetOrigin ? `window.parent.postMessage(${scriptJson(message)}, ${scriptJson(targetOrigin)});` : '';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Dịch vụ mã truy cập IIIF</title></head><body>
<script nonce="${nonce}">${send}</script></body></html>`;
}

export function closingPage(nonce: string, text: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>IIIF</title></head><body><p>${esc(text)}</p>
<script nonce="${nonce}">window.close();</script></body></html>`;
}

export function substituteSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1100" viewBox="0 0 800 1100">
<rect width="800" height="1100" fill="#eceff1"/><text x="400" y="520" font-family="sans-serif" font-size="40" text-anchor="middle" fill="#37474f">Tài liệu hạn chế sử dụng</text>
<text x="400" y="580" font-family="sans-serif" font-size="28" text-anchor="middle" fill="#546e7a">Cần đăng nhập để xem trang này</text></svg>`;
}
