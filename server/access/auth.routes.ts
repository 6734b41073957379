import { z } from 'zod';
import type { Deps } from '../deps.js';
import { type Actor, ROLES } from '../core/actor.js';
import { defineRoute, IdParams } from '../http/route.js';
import { SESSION_COOKIE } from '../http/middleware/session.js';
import { cookieSecure } from '../http/middleware/transport.js';
import { BodyId, requiredText } from '../core/schemas.js';
import type { AuthService } from './auth.service.js';
import { getUser } from './users.repository.js';
import { ERRORS } from '../core/errors.js';
import { Session, Me, UserList, User, PasswordChanged } from '../contract/access.js';
import { NoContent } from '../contract/common.js';

const LoginBody = z.strictObject({ username: requiredText(100), password: z.string().min(1).max(200) });
const Password = z.string().min(10, 'Mật khẩu tối thiểu 10 ký tự').max(200);
const CreateUserBody = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{3,50}$/, 'Chỉ chữ thường không dấu, số, dấu chấm, gạch (3–50 ký tự)'),
  displayName: requiredText(200),
  password: Password,
  role: z.enum(ROLES),
  agencyId: BodyId.nullable().optional(),
});
const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });
const UpdateUserBody = z.strictObject({
  displayName: requiredText(200).optional(),
  role: z.enum(ROLES).optional(),
  agencyId: BodyId.nullable().optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
});

export function authRoutes(deps: Deps, auth: AuthService) {
  const me = async (actor: Actor, csrfToken: string | null | undefined) => ({
    user: await getUser(deps.db, actor.id),
    csrfToken,
  });
  return [
    defineRoute({
      method: 'post', path: '/api/auth/login', response: Session, tag: 'auth', access: 'public', body: LoginBody,
      summary: 'Đăng nhập; đặt cookie phiên HTTP-only và trả về mã CSRF',
      handler: async ({ body, req, res }) => {
        const s = await auth.login(body.username, body.password, req.ip ?? 'unknown');
        // A relative Max-Age, not an absolute Expires from the app's clock: the browser judges the cookie by its own
        // clock, and the two need not agree (a skewed server, or a test clock that stands still).
        res.cookie(SESSION_COOKIE, s.token, {
          httpOnly: true, secure: cookieSecure(deps.config, req), sameSite: 'lax', path: '/',
          maxAge: deps.config.SESSION_TTL_HOURS * 3600_000,
        });
        return { user: s.user, csrfToken: s.csrfToken };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/auth/logout', response: NoContent, tag: 'auth', access: 'authenticated', summary: 'Đăng xuất',
      handler: async ({ req, res }) => {
        if (req.sessionId) await auth.logout(req.sessionId);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/auth/me', response: Me, tag: 'auth', access: 'authenticated', summary: 'Người dùng hiện tại và mã CSRF',
      handler: ({ actor, req }) => me(actor, req.csrfToken),
    }),
    defineRoute({
      method: 'get', path: '/api/auth/session', response: Me, tag: 'auth', access: 'public',
      summary: 'Phiên hiện tại nếu có (người dùng và mã CSRF); chưa đăng nhập thì 200 không có người dùng, không phải lỗi',
      handler: async ({ actor, req }) => (actor ? me(actor, req.csrfToken) : { csrfToken: null }),
    }),
    defineRoute({
      method: 'post', path: '/api/auth/password', response: PasswordChanged, tag: 'auth', access: 'authenticated', body: ChangePasswordBody,
      summary: 'Tự đổi mật khẩu (cần mật khẩu hiện tại); các phiên đăng nhập khác của tài khoản bị đăng xuất',
      handler: ({ actor, body, req }) => auth.changeOwnPassword(actor, req.sessionId ?? null, body, req.ip ?? 'unknown'),
    }),
    defineRoute({
      method: 'get', path: '/api/users', response: UserList, tag: 'users', access: ['admin'], summary: 'Danh sách tài khoản',
      handler: () => auth.listUsers(),
    }),
    defineRoute({
      method: 'post', path: '/api/users', response: User, tag: 'users', access: ['admin'], body: CreateUserBody, status: 201,
      summary: 'Tạo tài khoản',
      handler: ({ actor, body }) => auth.createUser(actor, body),
    }),
    defineRoute({
      method: 'patch', path: '/api/users/:id', response: User, tag: 'users', access: ['admin'], params: IdParams, body: UpdateUserBody,
      summary: 'Sửa tài khoản (vai trò, khóa, đặt lại mật khẩu)',
      handler: async ({ actor, params, body }) => {
        if (Object.keys(body).length === 0) throw ERRORS.emptyPatch();
        return auth.updateUser(actor, params.id, body);
      },
    }),
  ];
}
