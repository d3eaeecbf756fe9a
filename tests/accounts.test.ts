import { buildWorld, type World } from './factories/world.js';
import { account, CHANGE_PASSWORD, LOGIN_PAIR, LOGOUT, ME, REFRESH, SET_PASSWORD, sha256, sql, UPDATE_USER } from './helpers/accounts.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { SESSION_CHECK_STATEMENTS } from './helpers/statements.js';

/**
 * Accounts (issue 13, API.md "Added by the accounts and operations issue"): updateUser,
 * setUserPassword, changePassword, User.active; the end of earlier tokens after a deactivation, a
 * change of role or scope, or a password change; rotating refresh tokens. Two instances on one
 * database: tests/accounts-replicas.test.ts.
 */
const PER_ACCOUNT = 3;

let app: TestApp;
let admin: string;
let adminId: string;
let world: World;

beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT) });
  admin = app.adminToken;
  adminId = (await app.client.ok<{ me: { id: string } }>(ME, {}, admin)).me.id;
  world = await buildWorld(app.client, admin);
}, 120_000);
afterAll(() => app?.stop());

const request = (query: string, variables: Record<string, unknown>, token?: string) => app.client.request(query, variables, token);
const me = (token: string) => request(ME, {}, token);
const login = (email: string, password: string) => request(LOGIN_PAIR, { email, password });

async function auditOf(entityId: string) {
  const data = await app.client.ok(
    `query($filter: AuditFilter) { auditEvents(filter: $filter, first: 20) { edges { node { operation before after actor { id } } } } }`,
    { filter: { entity: 'User', entityId } },
    admin,
  );
  return data.auditEvents.edges.map((e: { node: { operation: string; before: string | null; after: string | null; actor: { id: string } } }) => e.node);
}

describe('updateUser', () => {
  it('lets an ADMIN rename a user, with an audit event, without ending its sessions', async () => {
    const user = await account(app.client, admin, 'LBF');
    const { updateUser } = await app.client.ok(UPDATE_USER, { input: { id: user.id, name: '  Ny Navn  ' } }, admin);
    expect(updateUser).toMatchObject({ id: user.id, name: 'Ny Navn', role: 'LBF', active: true });
    expect((await me(user.accessToken)).data?.me.id).toBe(user.id);
    const [event] = await auditOf(user.id);
    expect(event).toMatchObject({ operation: 'updateUser', actor: { id: adminId } });
    expect(JSON.parse(event.after!)).toEqual({ name: 'Ny Navn' });
    expect(JSON.parse(event.before!)).toEqual({ name: expect.any(String) });
  });

  it('is ADMIN only: every other role is FORBIDDEN, and nothing changes', async () => {
    const user = await account(app.client, admin, 'LBF');
    for (const token of [world.tokens.lbf, world.tokens.area, world.tokens.projectA, world.tokens.boardA]) {
      expectError(await request(UPDATE_USER, { input: { id: user.id, name: 'Kapret' } }, token), 'FORBIDDEN');
      expectError(await request(UPDATE_USER, { input: { id: user.id, active: false } }, token), 'FORBIDDEN');
    }
    expectError(await request(UPDATE_USER, { input: { id: user.id, name: 'Kapret' } }), 'UNAUTHENTICATED');
    const { users } = await app.client.ok('{ users { id name active } }', {}, admin);
    expect(users.find((u: { id: string }) => u.id === user.id)).toMatchObject({ active: true, name: expect.not.stringMatching('Kapret') });
  });

  it("keeps plan A's users from changing plan B's users", async () => {
    const userB = await account(app.client, admin, 'PROJECT_SECRETARIAT', { planId: world.planB.id });
    expectError(await request(UPDATE_USER, { input: { id: userB.id, planId: world.planA.id } }, world.tokens.projectA), 'FORBIDDEN');
    expectError(await request(SET_PASSWORD, { userId: userB.id, password: 'taken-over-password' }, world.tokens.projectA), 'FORBIDDEN');
    expect((await me(userB.accessToken)).data?.me.plan.id).toBe(world.planB.id);
    expect((await login(userB.email, userB.password)).data?.login.user.id).toBe(userB.id);
  });

  it('checks the role and scope as createUser does', async () => {
    const lbf = await account(app.client, admin, 'LBF');
    const update = (input: Record<string, unknown>) => request(UPDATE_USER, { input: { id: lbf.id, ...input } }, admin);
    expectError(await update({ role: 'PROJECT_SECRETARIAT' }), 'BAD_USER_INPUT', 'planId');
    expectError(await update({ planId: world.planA.id }), 'BAD_USER_INPUT', 'planId');
    expectError(await update({ role: 'AREA_SECRETARIAT' }), 'BAD_USER_INPUT', 'areaSecretariatId');
    expectError(await update({ areaSecretariatId: world.areaSecretariatId }), 'BAD_USER_INPUT', 'areaSecretariatId');
    expectError(await update({ role: 'BOARD_MEMBER', planId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'planId');
    expectError(await update({ role: 'AREA_SECRETARIAT', areaSecretariatId: 'no-uuid' }), 'NOT_FOUND', 'areaSecretariatId');
    expectError(await update({ name: '   ' }), 'BAD_USER_INPUT', 'name');
    expectError(await request(UPDATE_USER, { input: { id: '00000000-0000-4000-8000-000000000000', name: 'X' } }, admin), 'NOT_FOUND', 'id');

    // LBF -> PROJECT_SECRETARIAT of plan A -> another plan -> LBF again, which clears the plan.
    expect((await app.client.ok(UPDATE_USER, { input: { id: lbf.id, role: 'PROJECT_SECRETARIAT', planId: world.planA.id } }, admin)).updateUser)
      .toMatchObject({ role: 'PROJECT_SECRETARIAT', plan: { id: world.planA.id } });
    expect((await app.client.ok(UPDATE_USER, { input: { id: lbf.id, planId: world.planB.id } }, admin)).updateUser.plan.id).toBe(world.planB.id);
    expectError(await update({ planId: null }), 'BAD_USER_INPUT', 'planId');
    expect((await app.client.ok(UPDATE_USER, { input: { id: lbf.id, role: 'LBF' } }, admin)).updateUser).toMatchObject({ role: 'LBF', plan: null });
    expect((await app.client.ok(UPDATE_USER, { input: { id: lbf.id, role: 'AREA_SECRETARIAT', areaSecretariatId: world.areaSecretariatId } }, admin)).updateUser)
      .toMatchObject({ role: 'AREA_SECRETARIAT', areaSecretariat: { id: world.areaSecretariatId } });
  });

  it('does not let an ADMIN deactivate itself or take away its own ADMIN role', async () => {
    expectError(await request(UPDATE_USER, { input: { id: adminId, active: false } }, admin), 'BAD_USER_INPUT', 'active');
    expectError(await request(UPDATE_USER, { input: { id: adminId, role: 'LBF' } }, admin), 'BAD_USER_INPUT', 'role');
    expect((await me(admin)).data?.me).toMatchObject({ id: adminId, role: 'ADMIN' });
    // Another ADMIN may be demoted by this one.
    const other = await account(app.client, admin, 'ADMIN');
    expect((await app.client.ok(UPDATE_USER, { input: { id: other.id, role: 'LBF' } }, admin)).updateUser.role).toBe('LBF');
  });
});

describe('deactivation', () => {
  it('ends the user\'s tokens from the next request on, refuses its login and its refresh token, until reactivated', async () => {
    const user = await account(app.client, admin, 'PROJECT_SECRETARIAT', { planId: world.planA.id });
    expect((await me(user.accessToken)).data?.me.id).toBe(user.id);
    const { updateUser } = await app.client.ok(UPDATE_USER, { input: { id: user.id, active: false } }, admin);
    expect(updateUser.active).toBe(false);

    expectError(await me(user.accessToken), 'UNAUTHENTICATED');
    expectError(await request(`query($id: ID!) { plan(id: $id) { id } }`, { id: world.planA.id }, user.accessToken), 'UNAUTHENTICATED');
    expect((await login(user.email, user.password)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/deactivated/) });
    expectError(await request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
    // The spreadsheet endpoints read the same token the same way.
    const sheet = await fetch(`${app.server.url}/exports/plans/${world.planA.id}.xlsx`, { headers: { authorization: `Bearer ${user.accessToken}` } });
    expect(sheet.status).toBe(401);
    const [event] = await auditOf(user.id);
    expect(event).toMatchObject({ operation: 'updateUser' });
    expect(JSON.parse(event.after!)).toEqual({ active: false });

    await app.client.ok(UPDATE_USER, { input: { id: user.id, active: true } }, admin);
    const again = await login(user.email, user.password);
    expect(again.data?.login.user).toMatchObject({ id: user.id, active: true });
    expect((await me(again.data!.login.accessToken)).data?.me.id).toBe(user.id);
    // A token from before the deactivation stays ended.
    expectError(await me(user.accessToken), 'UNAUTHENTICATED');
    expectError(await request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
  });

  it('shows active on User', async () => {
    const user = await account(app.client, admin, 'LBF');
    await app.client.ok(UPDATE_USER, { input: { id: user.id, active: false } }, admin);
    const { users } = await app.client.ok('{ users { id active } }', {}, admin);
    expect(users.find((u: { id: string }) => u.id === user.id).active).toBe(false);
    expect(users.find((u: { id: string }) => u.id === adminId).active).toBe(true);
  });
});

describe('a change of role or scope', () => {
  it.each([
    ['role', (w: World) => ({ role: 'BOARD_MEMBER', planId: w.planA.id })],
    ['plan', (w: World) => ({ planId: w.planB.id })],
  ])('(%s) ends earlier tokens; a new login or refresh carries the new scope', async (_what, change) => {
    const user = await account(app.client, admin, 'PROJECT_SECRETARIAT', { planId: world.planA.id });
    await app.client.ok(UPDATE_USER, { input: { id: user.id, ...change(world) } }, admin);
    expectError(await me(user.accessToken), 'UNAUTHENTICATED');
    // The refresh token survives a change of role or scope: the next access token says what the user is now.
    const { refreshSession } = await app.client.ok(REFRESH, { refreshToken: user.refreshToken });
    const now = (await app.client.ok(ME, {}, refreshSession.accessToken)).me;
    expect({ role: now.role, planId: now.plan.id }).toEqual({ role: 'PROJECT_SECRETARIAT', ...change(world) });
  });

  it('ends the tokens of an area secretariat moved to another secretariat', async () => {
    const user = await account(app.client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: world.areaSecretariatId });
    const other = await app.client.ok('mutation($input: CreateAreaSecretariatInput!) { createAreaSecretariat(input: $input) { id } }', { input: { name: `Andet ${user.id}` } }, admin);
    await app.client.ok(UPDATE_USER, { input: { id: user.id, areaSecretariatId: other.createAreaSecretariat.id } }, admin);
    expectError(await me(user.accessToken), 'UNAUTHENTICATED');
  });
});

describe('setUserPassword', () => {
  it('lets an ADMIN set a password: the old one and every earlier token end', async () => {
    const user = await account(app.client, admin, 'LBF');
    expect((await app.client.ok(SET_PASSWORD, { userId: user.id, password: 'set-by-the-admin' }, admin)).setUserPassword).toBe(true);
    expectError(await me(user.accessToken), 'UNAUTHENTICATED');
    expectError(await request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
    expectError(await login(user.email, user.password), 'UNAUTHENTICATED');
    expect((await login(user.email, 'set-by-the-admin')).data?.login.user.id).toBe(user.id);
    const [event] = await auditOf(user.id);
    expect(event).toMatchObject({ operation: 'setUserPassword', actor: { id: adminId } });
    expect(`${event.before} ${event.after}`).not.toMatch(/scrypt|set-by-the-admin/);
  });

  it('checks the password and the user', async () => {
    const user = await account(app.client, admin, 'LBF');
    expectError(await request(SET_PASSWORD, { userId: user.id, password: 'short' }, admin), 'BAD_USER_INPUT', 'password');
    expectError(await request(SET_PASSWORD, { userId: '00000000-0000-4000-8000-000000000000', password: 'long-enough-password' }, admin), 'NOT_FOUND', 'userId');
    expect((await me(user.accessToken)).data?.me.id).toBe(user.id);
  });

  it('is ADMIN only', async () => {
    const user = await account(app.client, admin, 'LBF');
    for (const token of [world.tokens.lbf, world.tokens.area, world.tokens.projectA, world.tokens.boardA]) {
      expectError(await request(SET_PASSWORD, { userId: user.id, password: 'taken-over-password' }, token), 'FORBIDDEN');
    }
    expectError(await request(SET_PASSWORD, { userId: user.id, password: 'taken-over-password' }), 'UNAUTHENTICATED');
    expect((await login(user.email, user.password)).data?.login.user.id).toBe(user.id);
  });
});

describe('changePassword', () => {
  it.each(['ADMIN', 'LBF', 'AREA_SECRETARIAT', 'PROJECT_SECRETARIAT', 'BOARD_MEMBER'])('lets a %s change its own password, ending its sessions', async (role) => {
    const scope: Record<string, string> =
      role === 'AREA_SECRETARIAT' ? { areaSecretariatId: world.areaSecretariatId } : ['PROJECT_SECRETARIAT', 'BOARD_MEMBER'].includes(role) ? { planId: world.planA.id } : {};
    const user = await account(app.client, admin, role, scope);
    const second = (await app.client.ok(LOGIN_PAIR, { email: user.email, password: user.password })).login;
    expect((await app.client.ok(CHANGE_PASSWORD, { current: user.password, next: 'my-new-password' }, user.accessToken)).changePassword).toBe(true);
    for (const token of [user.accessToken, second.accessToken]) expectError(await me(token), 'UNAUTHENTICATED');
    for (const refreshToken of [user.refreshToken, second.refreshToken]) expectError(await request(REFRESH, { refreshToken }), 'UNAUTHENTICATED');
    expectError(await login(user.email, user.password), 'UNAUTHENTICATED');
    expect((await login(user.email, 'my-new-password')).data?.login.user.id).toBe(user.id);
    const [event] = await auditOf(user.id);
    expect(event).toMatchObject({ operation: 'changePassword', actor: { id: user.id } });
  });

  it('refuses a wrong current password with UNAUTHENTICATED, counted as a failed login', async () => {
    const user = await account(app.client, admin, 'LBF');
    for (let i = 0; i < PER_ACCOUNT - 1; i += 1) {
      expectError(await request(CHANGE_PASSWORD, { current: 'not-my-password', next: 'my-new-password' }, user.accessToken), 'UNAUTHENTICATED', 'currentPassword');
    }
    expectError(await login(user.email, 'not-my-password-either'), 'UNAUTHENTICATED');
    // PER_ACCOUNT failures: the account is blocked, for login and for changePassword alike.
    expectError(await login(user.email, user.password), 'TOO_MANY_REQUESTS');
    expectError(await request(CHANGE_PASSWORD, { current: user.password, next: 'my-new-password' }, user.accessToken), 'TOO_MANY_REQUESTS');
    // Nothing was changed, and the session goes on.
    expect((await me(user.accessToken)).data?.me.id).toBe(user.id);
  });

  it('checks the new password', async () => {
    const user = await account(app.client, admin, 'LBF');
    expectError(await request(CHANGE_PASSWORD, { current: user.password, next: 'short' }, user.accessToken), 'BAD_USER_INPUT', 'newPassword');
    expectError(await request(CHANGE_PASSWORD, { current: user.password, next: 'x'.repeat(201) }, user.accessToken), 'BAD_USER_INPUT', 'newPassword');
    expect((await me(user.accessToken)).data?.me.id).toBe(user.id);
  });

  it("changes the caller's own password only: it takes no user, and needs a token", async () => {
    const userB = await account(app.client, admin, 'PROJECT_SECRETARIAT', { planId: world.planB.id });
    const withUser = await request(
      'mutation($id: ID!) { changePassword(userId: $id, currentPassword: "a-long-test-password", newPassword: "taken-over-pw") }',
      { id: userB.id },
      world.tokens.projectA,
    );
    expect(withUser.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectError(await request(CHANGE_PASSWORD, { current: userB.password, next: 'taken-over-pw' }), 'UNAUTHENTICATED');
    expect((await login(userB.email, userB.password)).data?.login.user.id).toBe(userB.id);
  });
});

describe('refresh tokens', () => {
  it('come with login, stored only as their SHA-256', async () => {
    const user = await account(app.client, admin, 'LBF');
    expect(user.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await sql<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [user.id]);
    expect(rows).toEqual([{ token_hash: sha256(user.refreshToken) }]);
  });

  it('rotate: one use gives a new pair and revokes the old token', async () => {
    const user = await account(app.client, admin, 'LBF');
    const { refreshSession } = await app.client.ok(REFRESH, { refreshToken: user.refreshToken });
    expect(refreshSession.user.id).toBe(user.id);
    expect(refreshSession.refreshToken).not.toBe(user.refreshToken);
    expect((await me(refreshSession.accessToken)).data?.me.id).toBe(user.id);
    // The old access token is not ended by a refresh (it runs out within the hour).
    expect((await me(user.accessToken)).data?.me.id).toBe(user.id);
    const next = (await app.client.ok(REFRESH, { refreshToken: refreshSession.refreshToken })).refreshSession;
    expect((await me(next.accessToken)).data?.me.id).toBe(user.id);
  });

  it('revoke the whole family when a used token comes again', async () => {
    const user = await account(app.client, admin, 'LBF');
    const other = (await app.client.ok(LOGIN_PAIR, { email: user.email, password: user.password })).login;
    const first = (await app.client.ok(REFRESH, { refreshToken: user.refreshToken })).refreshSession;
    const second = (await app.client.ok(REFRESH, { refreshToken: first.refreshToken })).refreshSession;
    // A thief replays the first token: refused, and the current one of its family is revoked too.
    expectError(await request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
    expectError(await request(REFRESH, { refreshToken: second.refreshToken }), 'UNAUTHENTICATED');
    // Another sign-in of the same user is its own family.
    expect((await app.client.ok(REFRESH, { refreshToken: other.refreshToken })).refreshSession.user.id).toBe(user.id);
  });

  it('end with the sign-in they belong to (REFRESH_TOKEN_TTL_HOURS), rotation does not stretch it', async () => {
    const user = await account(app.client, admin, 'LBF');
    const [row] = await sql<{ hours: number }>(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600) AS hours FROM refresh_tokens WHERE token_hash = $1`,
      [sha256(user.refreshToken)],
    );
    expect(Number(row.hours)).toBe(12);
    const { refreshSession } = await app.client.ok(REFRESH, { refreshToken: user.refreshToken });
    const ends = await sql<{ expires_at: Date }>('SELECT expires_at FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at', [user.id]);
    expect(new Set(ends.map((e) => e.expires_at.getTime())).size).toBe(1);
    await sql(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expectError(await request(REFRESH, { refreshToken: refreshSession.refreshToken }), 'UNAUTHENTICATED');
    expectError(await request(REFRESH, { refreshToken: 'not-a-token' }), 'UNAUTHENTICATED');
  });

  it('logout with a refresh token ends that sign-in, with or without an access token', async () => {
    const user = await account(app.client, admin, 'LBF');
    const other = (await app.client.ok(LOGIN_PAIR, { email: user.email, password: user.password })).login;
    expect((await app.client.ok(LOGOUT, { refreshToken: user.refreshToken })).logout).toBe(true);
    expectError(await request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
    expect((await app.client.ok(LOGOUT, { refreshToken: user.refreshToken })).logout).toBe(false);
    // The other sign-in goes on.
    expect((await app.client.ok(REFRESH, { refreshToken: other.refreshToken })).refreshSession.user.id).toBe(user.id);
  });

  it('logout without a refresh token ends every session of the caller', async () => {
    const user = await account(app.client, admin, 'LBF');
    const other = (await app.client.ok(LOGIN_PAIR, { email: user.email, password: user.password })).login;
    expectError(await request(LOGOUT, {}), 'UNAUTHENTICATED');
    expectError(await request(LOGOUT, {}, 'forged.token.here'), 'UNAUTHENTICATED');
    expect((await app.client.ok(LOGOUT, {}, user.accessToken)).logout).toBe(true);
    for (const token of [user.accessToken, other.accessToken]) expectError(await me(token), 'UNAUTHENTICATED');
    for (const refreshToken of [user.refreshToken, other.refreshToken]) expectError(await request(REFRESH, { refreshToken }), 'UNAUTHENTICATED');
    expectError(await request(LOGOUT, {}, user.accessToken), 'UNAUTHENTICATED');
    expect((await login(user.email, user.password)).data?.login.user.id).toBe(user.id);
  });
});

describe('the session check', () => {
  it('costs one statement per request, however many root fields ask', async () => {
    const one = await app.client.warm('{ me { id } }', {}, admin);
    const three = await app.client.warm('{ a: me { id } b: me { id } c: me { id } }', {}, admin);
    // me reads its user: 1 statement each; the session check: 1 for the request.
    expect(SESSION_CHECK_STATEMENTS).toBe(1);
    expect(one.statements).toBe(1 + SESSION_CHECK_STATEMENTS);
    expect(three.statements).toBe(3 + SESSION_CHECK_STATEMENTS);
  });
});
